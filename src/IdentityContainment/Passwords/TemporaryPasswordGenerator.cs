using System.Security.Cryptography;

namespace IdentityContainment.Passwords;

/// <summary>
/// Temporary passwords an operator can read out or paste without mistakes, that no one can guess: every character is
/// drawn from a cryptographic random source, each uniformly (rejection sampling, so no value is favoured), with at
/// least one of each character class and nothing that looks like something else.
/// </summary>
public static class TemporaryPasswordGenerator
{
    public const int DefaultLength = 20;
    public const int MinimumLength = 14;

    /// <summary>Entra ID accepts passwords of up to 256 characters.</summary>
    public const int MaximumLength = 256;

    // Left out: 0 O o, 1 l I i, and symbols that shells, CSV files or URLs treat specially (quotes, backslash,
    // backtick, pipe, comma, semicolon, spaces).
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghjkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@^_~";
    private static readonly string[] Classes = { Upper, Lower, Digits, Symbols };
    private static readonly string Alphabet = Upper + Lower + Digits + Symbols;

    /// <summary>The characters a password may hold, for tests and documentation.</summary>
    public static string AllowedCharacters => Alphabet;

    /// <summary>
    /// A new password of <paramref name="length"/> characters that contains none of <paramref name="forbiddenParts"/>
    /// (the user's name and UPN parts, compared without case). The caller owns the array and should clear it after use.
    /// </summary>
    public static char[] Generate(int length, IEnumerable<string> forbiddenParts)
    {
        if (length < MinimumLength || length > MaximumLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A temporary password has {MinimumLength} to {MaximumLength} characters.");
        }

        string[] forbidden = forbiddenParts.Where(p => p.Length >= 3).Select(p => p.ToLowerInvariant()).Distinct().ToArray();
        using var random = RandomNumberGenerator.Create();
        while (true)
        {
            char[] password = Draw(length, random);
            if (!ContainsAny(password, forbidden))
            {
                return password;
            }

            Array.Clear(password, 0, password.Length);
        }
    }

    /// <summary>The parts of a user's names that a password must not contain: each run of three or more letters or digits.</summary>
    public static IEnumerable<string> NamePartsOf(params string?[] names) =>
        names.Where(n => !string.IsNullOrEmpty(n))
            .SelectMany(n => SplitWords(n!))
            .Where(w => w.Length >= 3);

    private static char[] Draw(int length, RandomNumberGenerator random)
    {
        var password = new char[length];
        for (int i = 0; i < Classes.Length; i++)
        {
            password[i] = Classes[i][UniformIndex(Classes[i].Length, random)];
        }

        for (int i = Classes.Length; i < length; i++)
        {
            password[i] = Alphabet[UniformIndex(Alphabet.Length, random)];
        }

        // Shuffle so the guaranteed classes are not always at the front (Fisher–Yates with the same uniform draw).
        for (int i = length - 1; i > 0; i--)
        {
            int j = UniformIndex(i + 1, random);
            (password[i], password[j]) = (password[j], password[i]);
        }

        return password;
    }

    /// <summary>A uniform integer in [0, exclusiveMax): draws that fall in the incomplete last block are thrown away.</summary>
    internal static int UniformIndex(int exclusiveMax, RandomNumberGenerator random)
    {
        uint limit = uint.MaxValue - (uint.MaxValue % (uint)exclusiveMax);
        var buffer = new byte[4];
        uint value;
        do
        {
            random.GetBytes(buffer);
            value = BitConverter.ToUInt32(buffer, 0);
        }
        while (value >= limit);

        return (int)(value % (uint)exclusiveMax);
    }

    private static bool ContainsAny(char[] password, string[] forbidden)
    {
        if (forbidden.Length == 0)
        {
            return false;
        }

        string lowered = new string(password).ToLowerInvariant();
        return forbidden.Any(part => lowered.Contains(part));
    }

    private static IEnumerable<string> SplitWords(string name)
    {
        var word = new System.Text.StringBuilder();
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
