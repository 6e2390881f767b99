using System.Globalization;

namespace IdentityContainment.Benchmarks.CommandLine;

/// <summary>
/// The <c>--name value</c> options after a subcommand. Each benchmark reads the options it knows; whatever is left
/// unread is a typo, and <see cref="RejectUnread"/> says so instead of silently measuring something else.
/// </summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string?> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandOptions(Dictionary<string, string?> values) => _values = values;

    public static CommandOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{name}'; options look like --name value.");
            }

            bool hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (!values.TryAdd(name, hasValue ? args[++i] : null))
            {
                throw new ArgumentException($"{name} is given twice.");
            }
        }

        return new CommandOptions(values);
    }

    public int Integer(string name, int defaultValue, int minimum)
    {
        string? text = Text(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= minimum
            ? value
            : throw new ArgumentException($"{name} takes a whole number of at least {minimum}, not '{text}'.");
    }

    /// <summary>Whether a switch such as <c>--naive</c> is present; a switch takes no value.</summary>
    public bool Flag(string name)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out string? value))
        {
            return false;
        }

        return value is null ? true : throw new ArgumentException($"{name} is a switch and takes no value, not '{value}'.");
    }

    /// <summary>The option's value, or null when it is absent.</summary>
    public string? Text(string name)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out string? value))
        {
            return null;
        }

        return value ?? throw new ArgumentException($"{name} needs a value.");
    }

    public string RequiredText(string name) => Text(name) ?? throw new ArgumentException($"{name} is required.");

    public void RejectUnread()
    {
        string[] unknown = _values.Keys.Where(name => !_read.Contains(name)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"Unknown option{(unknown.Length > 1 ? "s" : string.Empty)} {string.Join(", ", unknown)}.");
        }
    }
}
