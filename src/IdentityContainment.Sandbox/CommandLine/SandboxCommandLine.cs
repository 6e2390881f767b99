using System.Globalization;

namespace IdentityContainment.Sandbox;

/// <summary>The executable's options, parsed strictly: anything unknown or malformed is an error, never ignored.</summary>
internal sealed record SandboxCommandLine
{
    public const string Usage =
        "usage: IdentityContainment.Sandbox --scenario <name|path> [--port N] [--https-port N] [--no-https] [--latency-ms N] [--page-size N] [--users N] [--compromised N] [--seed N]\n" +
        "  scenarios: clean, aitm-bec, synced-user, guest-user, illicit-consent, bec-finance, password-spray, large-consent, mailbox-benchmark, generated (with --users/--compromised/--seed), or a path to a .json file";

    public required string Scenario { get; init; }
    public int HttpPort { get; init; }
    public int HttpsPort { get; init; }
    public bool Https { get; init; } = true;
    public int LatencyMilliseconds { get; init; }

    /// <summary>Forces every collection into pages of at most this many items (null: Graph's page sizes).</summary>
    public int? PageSize { get; init; }
    public int? Users { get; init; }
    public int? Compromised { get; init; }
    public int? Seed { get; init; }
    public bool ShowHelp { get; init; }

    public static (SandboxCommandLine? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? scenario = null;
        int httpPort = 0, httpsPort = 0, latency = 0;
        int? users = null, compromised = null, seed = null, pageSize = null;
        var https = true;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            string? error = null;
            switch (name)
            {
                case "-h" or "--help" or "-?":
                    return (new SandboxCommandLine { Scenario = "", ShowHelp = true }, null);
                case "--scenario":
                    scenario = Value();
                    if (string.IsNullOrWhiteSpace(scenario))
                        error = "--scenario needs a name or a path.";
                    break;
                case "--port":
                    error = ReadInt(name, Value(), 0, 65535, v => httpPort = v);
                    break;
                case "--https-port":
                    error = ReadInt(name, Value(), 0, 65535, v => httpsPort = v);
                    break;
                case "--no-https":
                    https = false;
                    break;
                case "--latency-ms":
                    error = ReadInt(name, Value(), 0, 60_000, v => latency = v);
                    break;
                case "--page-size":
                    error = ReadInt(name, Value(), 1, 999, v => pageSize = v);
                    break;
                case "--users":
                    error = ReadInt(name, Value(), 1, 1_000_000, v => users = v);
                    break;
                case "--compromised":
                    error = ReadInt(name, Value(), 0, 1_000_000, v => compromised = v);
                    break;
                case "--seed":
                    error = ReadInt(name, Value(), int.MinValue, int.MaxValue, v => seed = v);
                    break;
                default:
                    error = $"unknown option '{name}'.";
                    break;
            }
            if (error is not null)
                return (null, error);
        }
        if (scenario is null)
            return (null, "missing --scenario (a bundled name such as aitm-bec, 'generated', or a path to a .json file).");
        var generated = string.Equals(scenario, ScenarioLoader.GeneratedName, StringComparison.OrdinalIgnoreCase);
        if (!generated && (users ?? compromised ?? seed) is not null)
            return (null, "--users, --compromised and --seed apply only to --scenario generated.");
        if (!https && httpsPort != 0)
            return (null, "--https-port and --no-https contradict each other.");
        return (new SandboxCommandLine
        {
            Scenario = scenario,
            HttpPort = httpPort,
            HttpsPort = httpsPort,
            Https = https,
            LatencyMilliseconds = latency,
            PageSize = pageSize,
            Users = users,
            Compromised = compromised,
            Seed = seed,
        }, null);
    }

    private static string? ReadInt(string name, string? text, int min, int max, Action<int> set)
    {
        if (text is null || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            return $"{name} needs a whole number from {min} to {max}{(text is null ? "" : $", not '{text}'")}.";
        set(value);
        return null;
    }

    /// <summary>The generator options the command line asks for (defaults where it says nothing).</summary>
    public GeneratedTenantOptions GeneratorOptions()
    {
        var defaults = new GeneratedTenantOptions();
        return defaults with
        {
            Users = Users ?? defaults.Users,
            CompromisedUsers = Compromised ?? Math.Min(defaults.CompromisedUsers, Users ?? defaults.Users),
            Seed = Seed ?? defaults.Seed,
        };
    }
}
