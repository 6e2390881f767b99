namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// Phone numbers as Graph lists them on phone methods ("+1 2065555555": E.164, a space after the country code; an
/// Authentication Administrator sees them masked). Findings show them masked too: a responder needs the country and the
/// last digits to recognise a number, and an evidence file should not carry the whole of anyone's number.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>The number's digits after the '+', or null when it is not in international form (no '+', nothing after it).</summary>
    public static string? InternationalDigits(string? number)
    {
        string trimmed = (number ?? string.Empty).Trim();
        if (!trimmed.StartsWith("+", StringComparison.Ordinal))
        {
            return null;
        }

        // A masked number's hidden digits are letters or stars; the country code in front is what the check needs.
        string digits = new(trimmed.Substring(1).TakeWhile(c => char.IsDigit(c) || c == ' ' || c == '-').Where(char.IsDigit).ToArray());
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>The number with every digit hidden but its country code and its last two: "+1 ********09".</summary>
    public static string Masked(string? number)
    {
        string trimmed = (number ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        string? digits = InternationalDigits(trimmed);
        string? code = digits is null ? null : CallingCodes.CodeOf(digits) ?? FirstGroup(trimmed);

        // Digits and the marks of a number masked already (X, *) all count as places; only the last two digits show.
        string places = new(trimmed.Where(c => char.IsDigit(c) || c is 'X' or 'x' or '*').ToArray());
        string rest = code is null ? places : places.Substring(Math.Min(code.Length, places.Length));
        int shown = Math.Min(2, rest.Length);
        string tail = rest.Substring(rest.Length - shown);
        return (code is null ? string.Empty : "+" + code + " ") + new string('*', rest.Length - shown) + tail;
    }

    private static string? FirstGroup(string number)
    {
        int space = number.IndexOf(' ');
        return space > 1 && number.Substring(1, space - 1).All(char.IsDigit) ? number.Substring(1, space - 1) : null;
    }
}
