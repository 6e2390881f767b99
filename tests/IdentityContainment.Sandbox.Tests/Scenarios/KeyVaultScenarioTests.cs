namespace IdentityContainment.Sandbox.Tests;

public sealed class KeyVaultScenarioTests
{
    private static string WithVault(string vault) => ScenarioFiles.Minimal(extra: $$""", "keyVaults": [ {{vault}} ]""");

    [Fact]
    public void Access_policy_may_name_a_user_by_upn()
    {
        var scenario = ScenarioLoader.Parse(WithVault("""
            { "name": "kv-tiny", "accessPolicies": [ { "objectId": "ann@tiny.onmicrosoft.com", "permissions": { "secrets": ["get"] } } ] }
            """), "tiny.json");

        var vault = Assert.Single(scenario.KeyVaults);
        Assert.True(vault.Allows("aaaaaaaa-0000-4000-8000-000000000001", "get"));
        Assert.False(vault.Allows("aaaaaaaa-0000-4000-8000-000000000001", "set"));
    }

    [Theory]
    [InlineData("""{ "name": "kv_bad", "accessPolicies": [] }""", "keyVaults[0].name: 'kv_bad' is not a vault name")]
    [InlineData("""{ "name": "kv-tiny", "accessPolicies": [ { "objectId": "ann@tiny.onmicrosoft.com", "permissions": { "secrets": ["read"] } } ] }""", "unknown permission 'read'")]
    [InlineData("""{ "name": "kv-tiny", "accessPolicies": [ { "objectId": "ghost@tiny.onmicrosoft.com" } ] }""", "refers to unknown user 'ghost@tiny.onmicrosoft.com'")]
    public void Bad_vault_stops_the_load(string vault, string problem)
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.Parse(WithVault(vault), "tiny.json"));

        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Bundled_scenarios_share_one_vault_where_operators_may_set_and_the_reporter_may_not()
    {
        foreach (var name in ScenarioLoader.BundledNames)
        {
            var vault = Assert.Single(ScenarioLoader.Load(name).KeyVaults);
            Assert.Equal(Known.VaultName, vault.Name);
            Assert.True(vault.Allows(Known.AutomationServicePrincipalId, "set"));
            Assert.False(vault.Allows("ff53a46f-5ead-403a-84c4-b877678537a3", "set"));
        }
    }
}
