namespace IdentityContainment.Module.Tests.Harness;

/// <summary>Builds the parameter dictionary of HostedPowerShell.Run without ceremony.</summary>
public static class Parameters
{
    public static Dictionary<string, object?> Of(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
