using System.Collections;
using System.Globalization;
using System.Text;

namespace IdentityContainment.Detection.Mailbox;

/// <summary>
/// A PowerShell command of the Exchange Online (or Microsoft Graph) module with its parameters: what
/// Remove-MailboxPersistence invokes when the cmdlet is loaded in the session, and, as <see cref="ToString"/>, the
/// line a person pastes when it is not. Values are kept as plain .NET values (string, bool, null, string[], a
/// dictionary for a hashtable) so they bind as they are when the command is invoked.
/// </summary>
public sealed record ExchangeCommand(string Name, IReadOnlyList<KeyValuePair<string, object?>> Parameters)
{
    /// <summary>
    /// Every character PowerShell accepts as a single quote: ' and the typographic ‘ ’ ‚ ‛. Any of them ends a
    /// single-quoted string, so each is doubled inside one; doubling only ' would let a name with a typographic quote
    /// break out of the string.
    /// </summary>
    private const string SingleQuotes = "'\u2018\u2019\u201A\u201B";

    public static ExchangeCommand Of(string name, params (string Name, object? Value)[] parameters) =>
        new(name, parameters.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToArray());

    /// <summary>The value of a parameter, or null when the command does not have it.</summary>
    public object? this[string parameter] => Parameters.FirstOrDefault(p => string.Equals(p.Key, parameter, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// The command line: strings in single quotes, $null, booleans as -Name:$true (the colon form binds to a switch
    /// such as -Confirm as well as to a [bool] parameter), arrays as 'a','b', a dictionary as @{Remove='a'}.
    /// </summary>
    public override string ToString()
    {
        var line = new StringBuilder(Name);
        foreach (KeyValuePair<string, object?> parameter in Parameters)
        {
            line.Append(" -").Append(parameter.Key);
            line.Append(parameter.Value is bool flag ? (flag ? ":$true" : ":$false") : " " + Render(parameter.Value));
        }

        return line.ToString();
    }

    /// <summary>A string as a PowerShell single-quoted literal: nothing inside it is expanded or run.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('\'');
        foreach (char c in text)
        {
            quoted.Append(c);
            if (SingleQuotes.IndexOf(c) >= 0)
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('\'').ToString();
    }

    private static string Render(object? value) => value switch
    {
        null => "$null",
        bool flag => flag ? "$true" : "$false",
        string text => Quote(text),
        IDictionary table => "@{" + string.Join("; ", table.Keys.Cast<object>().Select(key => Key(key) + "=" + Render(table[key]))) + "}",
        IEnumerable items => RenderArray(items.Cast<object?>().ToArray()),
        Enum named => Quote(named.ToString()),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    private static string RenderArray(object?[] items) => items.Length == 0 ? "@()" : items.Length == 1 ? "@(" + Render(items[0]) + ")" : string.Join(",", items.Select(Render));

    private static string Key(object key)
    {
        string text = key.ToString() ?? string.Empty;
        return text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c == '_') ? text : Quote(text);
    }
}
