using System.Security.Cryptography;
using IdentityContainment.Passwords;

namespace IdentityContainment.Engine.Tests;

public sealed class TemporaryPasswordGeneratorTests
{
    [Theory]
    [InlineData(14)]
    [InlineData(20)]
    [InlineData(256)]
    public void Password_has_the_length_asked_for_and_every_character_class(int length)
    {
        for (int run = 0; run < 200; run++)
        {
            string password = new(TemporaryPasswordGenerator.Generate(length, Array.Empty<string>()));

            Assert.Equal(length, password.Length);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        }
    }

    [Theory]
    [InlineData(13)]
    [InlineData(257)]
    [InlineData(0)]
    public void Lengths_outside_14_to_256_are_refused(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TemporaryPasswordGenerator.Generate(length, Array.Empty<string>()));

    [Fact]
    public void No_look_alike_or_shell_unsafe_character_ever_appears()
    {
        const string excluded = "0Oo1lIi|`'\"\\,; ";
        for (int run = 0; run < 2000; run++)
        {
            string password = new(TemporaryPasswordGenerator.Generate(20, Array.Empty<string>()));
            Assert.DoesNotContain(password, excluded.Contains);
        }
    }

    [Fact]
    public void Password_never_contains_a_part_of_the_user_names()
    {
        string[] parts = TemporaryPasswordGenerator.NamePartsOf("adele.vance@contoso.com", "Adele Vance", "Adele", "Vance").ToArray();
        Assert.Equal(new[] { "adele", "vance", "contoso", "com", "Adele", "Vance", "Adele", "Vance" }, parts);

        // Short alphabets make a three-letter part likely to appear by chance: forbid many, and check none slips through.
        string[] common = { "abc", "xyz", "ABC", "pqr", "mnp", "234", "789" };
        for (int run = 0; run < 500; run++)
        {
            string password = new string(TemporaryPasswordGenerator.Generate(40, common)).ToLowerInvariant();
            Assert.DoesNotContain(common, part => password.Contains(part.ToLowerInvariant()));
        }
    }

    [Fact]
    public void Each_allowed_character_is_about_equally_likely()
    {
        string alphabet = TemporaryPasswordGenerator.AllowedCharacters;
        var counts = alphabet.ToDictionary(c => c, _ => 0);
        const int passwords = 4000;
        for (int run = 0; run < passwords; run++)
        {
            foreach (char c in TemporaryPasswordGenerator.Generate(64, Array.Empty<string>()))
            {
                counts[c]++;
            }
        }

        // 256,000 draws over the alphabet: each count is within a few percent of the mean unless the draw is biased.
        // (The four guaranteed class picks tilt small classes slightly; 25% leaves room for that and for chance.)
        double mean = passwords * 64.0 / alphabet.Length;
        Assert.All(counts, pair => Assert.InRange(pair.Value, mean * 0.75, mean * 1.25));
    }

    [Fact]
    public void Uniform_index_covers_its_whole_range_and_nothing_beyond()
    {
        using var random = RandomNumberGenerator.Create();
        var seen = new int[7];
        for (int i = 0; i < 7000; i++)
        {
            seen[TemporaryPasswordGenerator.UniformIndex(7, random)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 700, 1300));
    }
}
