namespace IdentityContainment.Sandbox.Tests;

/// <summary>Writes throwaway scenario files for loader tests.</summary>
internal static class ScenarioFiles
{
    public static string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sandbox-scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The smallest valid scenario, with a hole for more users/footholds.</summary>
    public static string Minimal(string users = "", string footholds = "", string extra = "") => $$"""
        {
          "name": "minimal",
          "tenant": { "id": "11111111-2222-4333-8444-555555555555", "displayName": "Tiny",
                      "verifiedDomains": [ { "name": "tiny.onmicrosoft.com", "isInitial": true } ] },
          "users": [
            { "id": "aaaaaaaa-0000-4000-8000-000000000001", "userPrincipalName": "ann@tiny.onmicrosoft.com", "displayName": "Ann" }
            {{users}}
          ],
          "footholds": [ {{footholds}} ]
          {{extra}}
        }
        """;
}
