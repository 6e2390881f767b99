namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// Country calling codes for the countries a usage location most often names, from ITU-T Recommendation E.164's list
/// of assigned country codes (ITU Operational Bulletin "List of ITU-T Recommendation E.164 assigned country codes").
/// E.164 codes are prefix-free: a number belongs to a code exactly when its digits start with it, so a phone is in the
/// user's country when its number starts with that country's code. Countries sharing a code (the North American
/// Numbering Plan's +1, Russia and Kazakhstan's +7) cannot be told apart by the code alone; they count as one.
/// </summary>
public static class CallingCodes
{
    private static readonly Dictionary<string, string> ByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        // North American Numbering Plan.
        ["US"] = "1", ["CA"] = "1", ["PR"] = "1", ["JM"] = "1", ["BS"] = "1", ["BB"] = "1", ["TT"] = "1", ["DO"] = "1",
        ["RU"] = "7", ["KZ"] = "7",
        ["EG"] = "20", ["ZA"] = "27", ["GR"] = "30", ["NL"] = "31", ["BE"] = "32", ["FR"] = "33", ["ES"] = "34",
        ["PT"] = "351", ["LU"] = "352", ["IE"] = "353", ["IS"] = "354", ["FI"] = "358", ["BG"] = "359",
        ["HU"] = "36", ["LT"] = "370", ["LV"] = "371", ["EE"] = "372", ["UA"] = "380", ["RS"] = "381", ["HR"] = "385",
        ["SI"] = "386", ["IT"] = "39", ["RO"] = "40", ["CH"] = "41", ["CZ"] = "420", ["SK"] = "421", ["AT"] = "43",
        ["GB"] = "44", ["DK"] = "45", ["SE"] = "46", ["NO"] = "47", ["PL"] = "48", ["DE"] = "49",
        ["MX"] = "52", ["AR"] = "54", ["BR"] = "55", ["CL"] = "56", ["CO"] = "57",
        ["MY"] = "60", ["AU"] = "61", ["ID"] = "62", ["PH"] = "63", ["NZ"] = "64", ["SG"] = "65", ["TH"] = "66",
        ["JP"] = "81", ["KR"] = "82", ["VN"] = "84", ["CN"] = "86", ["HK"] = "852", ["TW"] = "886",
        ["TR"] = "90", ["IN"] = "91", ["PK"] = "92", ["IR"] = "98",
        ["MA"] = "212", ["NG"] = "234", ["GH"] = "233", ["KE"] = "254",
        ["AE"] = "971", ["IL"] = "972", ["SA"] = "966", ["QA"] = "974",
    };

    /// <summary>The calling code of a country (ISO 3166 alpha-2, as usageLocation holds it), or null when the table does not know it.</summary>
    public static string? OfCountry(string? country) =>
        country is { Length: 2 } && ByCountry.TryGetValue(country, out string? code) ? code : null;

    /// <summary>The countries the table knows for a number's code ("US, CA, ..." for +1), or null when none match.</summary>
    public static string? CountriesOf(string digits)
    {
        string[] countries = ByCountry.Where(pair => digits.StartsWith(pair.Value, StringComparison.Ordinal)).Select(pair => pair.Key).ToArray();
        return countries.Length == 0 ? null : string.Join("/", countries);
    }

    /// <summary>The code a number starts with, when the table knows it.</summary>
    public static string? CodeOf(string digits) =>
        ByCountry.Values.Distinct().Where(code => digits.StartsWith(code, StringComparison.Ordinal)).OrderByDescending(code => code.Length).FirstOrDefault();
}
