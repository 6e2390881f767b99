namespace IdentityContainment.Drill;

/// <summary>What the drill was asked to run.</summary>
internal sealed record DrillOptions(string Scenario, int? GeneratedUsers, TimeSpan Latency, string? ModuleManifest)
{
    public const string Usage =
        "Usage: dotnet run --project src/IdentityContainment.Drill -- --scenario <name|path.json> [--users N (with --scenario generated)] [--latency-ms N] [--module <path to IdentityContainment.psd1>]";

    public static DrillOptions Parse(string[] args)
    {
        string scenario = "aitm-bec";
        int? users = null;
        int latencyMs = 0;
        string? module = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--scenario":
                    scenario = Value();
                    break;
                case "--users":
                    users = PositiveNumber("--users", Value());
                    break;
                case "--latency-ms":
                    latencyMs = PositiveNumber("--latency-ms", Value());
                    break;
                case "--module":
                    module = Value();
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return new DrillOptions(scenario, users, TimeSpan.FromMilliseconds(latencyMs), module);
    }

    private static int PositiveNumber(string option, string value) =>
        int.TryParse(value, out int number) && number >= 0 ? number : throw new ArgumentException($"{option} takes a whole number, not '{value}'.");
}
