using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdentityContainment.Sandbox;

/// <summary>Finds, reads and checks scenarios: bundled ones by name, others by path.</summary>
public static partial class ScenarioLoader
{
    /// <summary>The name that asks for <see cref="ScenarioGenerator"/> instead of a file.</summary>
    public const string GeneratedName = "generated";

    /// <summary>The bundled password-spray scenario, generated (1,000 victims would make a large file): <see cref="GeneratedTenantOptions.PasswordSpray"/>.</summary>
    public const string PasswordSprayName = "password-spray";

    /// <summary>The OAuth benchmark tenant, generated: <see cref="GeneratedTenantPresets.LargeConsent"/>.</summary>
    public const string LargeConsentName = "large-consent";

    /// <summary>The mailbox benchmark tenant, generated: <see cref="GeneratedMailboxPresets.MailboxBenchmark"/>.</summary>
    public const string MailboxBenchmarkName = "mailbox-benchmark";

    /// <summary>The scenarios shipped inside the sandbox (Scenarios/*.json, embedded).</summary>
    public static IReadOnlyList<string> BundledNames { get; } = ["clean", "aitm-bec", "synced-user", "guest-user", "illicit-consent", "bec-finance"];

    /// <summary>
    /// Loads a bundled scenario by name, the generated one (default options) for "generated", or a file by path.
    /// Relative times in the file are taken from <paramref name="loadTime"/> (default: now).
    /// </summary>
    public static Scenario Load(string nameOrPath, DateTimeOffset? loadTime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (string.Equals(nameOrPath, GeneratedName, StringComparison.OrdinalIgnoreCase))
            return ScenarioGenerator.Generate(new GeneratedTenantOptions { Now = loadTime });
        // Checked like a file: the generator's output goes through the same validation.
        if (string.Equals(nameOrPath, PasswordSprayName, StringComparison.OrdinalIgnoreCase))
            return Prepare(ScenarioGenerator.Generate(GeneratedTenantOptions.PasswordSpray(loadTime)), $"{PasswordSprayName} (generated)");
        if (string.Equals(nameOrPath, LargeConsentName, StringComparison.OrdinalIgnoreCase))
            return Prepare(ScenarioGenerator.Generate(GeneratedTenantPresets.LargeConsent(loadTime)), $"{LargeConsentName} (generated)");
        if (string.Equals(nameOrPath, MailboxBenchmarkName, StringComparison.OrdinalIgnoreCase))
            return Prepare(ScenarioGenerator.Generate(GeneratedMailboxPresets.MailboxBenchmark(loadTime)), $"{MailboxBenchmarkName} (generated)");
        var bundled = BundledNames.FirstOrDefault(n => string.Equals(n, nameOrPath, StringComparison.OrdinalIgnoreCase));
        if (bundled is not null)
            return Parse(ReadBundled(bundled), $"Scenarios/{bundled}.json", loadTime);
        if (File.Exists(nameOrPath))
            return LoadFile(nameOrPath, loadTime);
        var looksLikePath = nameOrPath.Contains('/') || nameOrPath.Contains('\\') || nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        throw new ScenarioLoadException(nameOrPath, looksLikePath
            ? "file not found."
            : $"no bundled scenario has this name and no such file exists (bundled: {string.Join(", ", BundledNames)}, {PasswordSprayName}, {LargeConsentName}, {MailboxBenchmarkName}, {GeneratedName}).");
    }

    public static Scenario LoadFile(string path, DateTimeOffset? loadTime = null)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioLoadException(path, $"cannot read the file: {e.Message}", e);
        }
        return Parse(json, path, loadTime);
    }

    /// <summary>Reads scenario JSON; <paramref name="source"/> names it in error messages.</summary>
    public static Scenario Parse(string json, string source, DateTimeOffset? loadTime = null)
    {
        var now = GraphTime.ToWholeSeconds(loadTime ?? DateTimeOffset.UtcNow);
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, SandboxJson.ForScenario(now));
        }
        catch (JsonException e)
        {
            throw new ScenarioLoadException(source, Describe(e), e);
        }
        if (scenario is null)
            throw new ScenarioLoadException(source, "the file holds JSON null, not a scenario object.");
        return Prepare(scenario, source);
    }

    /// <summary>
    /// Checks a scenario built in code or read from a file and resolves its references (a user may be
    /// named by UPN anywhere a user id is expected). Throws <see cref="ScenarioLoadException"/> on the first problem.
    /// </summary>
    public static Scenario Prepare(Scenario scenario, string source)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ScenarioValidator(scenario, source).Validate();
    }

    private static string ReadBundled(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Scenarios/{name}.json")
            ?? throw new InvalidOperationException($"The bundled scenario '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\s*Path: .*$", RegexOptions.Singleline)]
    private static partial Regex PathSuffix();

    [GeneratedRegex(@"'?IdentityContainment\.Sandbox\.(\w+)'?")]
    private static partial Regex OurTypeName();

    [GeneratedRegex(@"including: (.*)\.$")]
    private static partial Regex MissingNames();

    [GeneratedRegex(@"JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownName();

    [GeneratedRegex(@"property or field '([^']+)' on type .* doesn't allow setting null")]
    private static partial Regex NullNotAllowed();

    // System.Text.Json's messages speak of .NET types; scenario authors think in fields and values.
    private static string Describe(JsonException e)
    {
        var message = PathSuffix().Replace(e.Message, "");
        var missing = MissingNames().Match(message);
        var unknown = UnknownName().Match(message);
        var nulled = NullNotAllowed().Match(message);
        var problem =
            message.Contains("missing required properties", StringComparison.Ordinal) && missing.Success
                ? $"missing required field {missing.Groups[1].Value}"
            : unknown.Success ? $"unknown field '{unknown.Groups[1].Value}'"
            : nulled.Success ? $"field '{nulled.Groups[1].Value}' must not be null"
            : message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? "value has the wrong type for this field" + ExpectedType(message)
            : OurTypeName().Replace(message, "$1").TrimEnd('.');
        var where = e.Path is { Length: > 0 } path && path != "$" ? $" at {path}" : "";
        var line = e.LineNumber is long n ? $" (line {n + 1}, position {e.BytePositionInLine.GetValueOrDefault() + 1})" : "";
        return $"{problem}{where}{line}.";
    }

    private static string ExpectedType(string message) =>
        message.Contains("System.Boolean", StringComparison.Ordinal) ? " (expected true or false)"
        : message.Contains("System.Int32", StringComparison.Ordinal) ? " (expected a whole number)"
        : message.Contains("System.String", StringComparison.Ordinal) ? " (expected a string)"
        : message.Contains("IReadOnlyList", StringComparison.Ordinal) ? " (expected an array)"
        : message.Contains("FootholdKind", StringComparison.Ordinal) ? $" (expected one of: {string.Join(", ", Enum.GetNames<FootholdKind>().Select(JsonNamingPolicy.CamelCase.ConvertName).Select(n => n.StartsWith("oAuth", StringComparison.Ordinal) ? "oauth" + n[5..] : n))})"
        : message.Contains("AuthenticationMethodType", StringComparison.Ordinal) ? $" (expected one of: {string.Join(", ", Enum.GetNames<AuthenticationMethodType>().Select(JsonNamingPolicy.CamelCase.ConvertName))})"
        : "";
}
