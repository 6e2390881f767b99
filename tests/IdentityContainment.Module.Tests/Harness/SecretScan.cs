using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IdentityContainment.Module.Tests.Harness;

/// <summary>
/// The secret-leak scan: everything a script let out (output objects as an analyst would see them, errors with their
/// exceptions and target objects, warning, verbose, debug, information and progress) searched for each secret as it is
/// and in the forms a leak takes on the way out: JSON-escaped, URL-encoded, base64. A finding names the stream and the
/// form, never the secret.
/// </summary>
public static class SecretScan
{
    /// <summary>Fails when any secret, in any form, is anywhere in what the script wrote.</summary>
    public static void AssertAbsent(ScriptResult result, params string[] secrets)
    {
        foreach ((string stream, string text) in Streams(result))
        {
            AssertAbsent(text, stream, secrets);
        }
    }

    /// <summary>Fails when any secret, in any form, is in this text (a real pwsh's captured output, a file).</summary>
    public static void AssertAbsent(string text, string where, params string[] secrets)
    {
        foreach (string secret in secrets)
        {
            foreach ((string form, string encoded) in Forms(secret))
            {
                int at = text.IndexOf(encoded, StringComparison.Ordinal);
                if (at >= 0)
                {
                    string before = text[Math.Max(0, at - 60)..at];
                    Assert.Fail($"A secret ({secret.Length} characters) leaked {form} into {where}, after: \"{before}\"");
                }
            }
        }
    }

    /// <summary>The secret as it is and as it looks JSON-escaped, URL-encoded and in base64 (any alignment within a longer blob).</summary>
    public static IReadOnlyList<(string Form, string Encoded)> Forms(string secret)
    {
        if (secret.Length < 8)
        {
            throw new ArgumentException("A secret shorter than 8 characters cannot be told apart from ordinary text.", nameof(secret));
        }

        var forms = new List<(string, string)>
        {
            ("as it is", secret),
            ("JSON-escaped", JsonSerializer.Serialize(secret)[1..^1]),
            ("JSON-escaped (relaxed)", JsonSerializer.Serialize(secret, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1]),
            ("URL-encoded", Uri.EscapeDataString(secret)),
            ("form-URL-encoded", WebUtility.UrlEncode(secret)),
            ("form-URL-encoded (lower-case hex)", LowerHex(WebUtility.UrlEncode(secret))),
        };
        foreach ((string name, Encoding encoding) in new[] { ("UTF-8", (Encoding)new UTF8Encoding(false)), ("UTF-16", Encoding.Unicode) })
        {
            foreach (string base64 in Base64Cores(encoding.GetBytes(secret)))
            {
                forms.Add(($"in base64 ({name})", base64));
                forms.Add(($"in base64url ({name})", base64.Replace('+', '-').Replace('/', '_')));
            }
        }

        return forms.DistinctBy(f => f.Item2).ToList();
    }

    /// <summary>Each stream's text, as a person or a log would get it.</summary>
    public static IEnumerable<(string Stream, string Text)> Streams(ScriptResult result)
    {
        yield return ("Output", string.Join("\n", result.Output.Select(Describe)));
        yield return ("Error", string.Join("\n", result.AllErrors.Select(Describe)));
        if (result.Terminating is { } terminating)
        {
            yield return ("the terminating exception", terminating.ToString());
        }

        yield return ("Warning", string.Join("\n", result.Warnings));
        yield return ("Verbose", string.Join("\n", result.Verbose));
        yield return ("Debug", string.Join("\n", result.Debug));
        yield return ("Information", string.Join("\n", result.Information));
        yield return ("Progress", string.Join("\n", result.Progress.Select(p => $"{p.Activity}: {p.StatusDescription} {p.CurrentOperation}")));
    }

    /// <summary>An output object as a table or list view could show it: its text and every property's value.</summary>
    private static string Describe(PSObject item) =>
        item.ToString() + "\n" + string.Join("\n", item.Properties.Select(p => $"{p.Name}: {ValueText(SafeValue(p))}"));

    private static string Describe(ErrorRecord error)
    {
        var text = new StringBuilder()
            .AppendLine(error.ToString())
            .AppendLine(error.FullyQualifiedErrorId)
            .AppendLine(error.CategoryInfo.ToString())
            .AppendLine(error.ErrorDetails?.Message)
            .AppendLine(error.ErrorDetails?.RecommendedAction)
            .AppendLine(ValueText(error.TargetObject));
        for (Exception? exception = error.Exception; exception is not null; exception = exception.InnerException)
        {
            text.AppendLine(exception.ToString());
            foreach (DictionaryEntry entry in exception.Data)
            {
                text.AppendLine($"{entry.Key}: {ValueText(entry.Value)}");
            }
        }

        return text.ToString();
    }

    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException ex)
        {
            return ex.Message;
        }
    }

    private static string ValueText(object? value) => value switch
    {
        null => string.Empty,
        PSObject wrapped => wrapped.ToString(),
        string text => text,
        IEnumerable items => string.Join(" ", items.Cast<object?>().Select(ValueText)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>
    /// Base64 of the secret at each of the three byte alignments it can have inside a longer encoded blob, without the
    /// characters it shares with its neighbours.
    /// </summary>
    private static IEnumerable<string> Base64Cores(byte[] secret)
    {
        for (int offset = 0; offset < 3; offset++)
        {
            byte[] shifted = new byte[offset + secret.Length];
            secret.CopyTo(shifted, offset);
            string encoded = Convert.ToBase64String(shifted);
            int start = offset == 0 ? 0 : 4;
            int end = shifted.Length % 3 == 0 ? encoded.Length : encoded.Length - 4;
            yield return encoded[start..end];
        }
    }

    private static string LowerHex(string encoded) =>
        System.Text.RegularExpressions.Regex.Replace(encoded, "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant());
}
