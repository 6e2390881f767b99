namespace IdentityContainment.Sandbox.Tests;

public sealed class ScenarioLoadingTests
{
    [Theory]
    [InlineData("clean", 0)]
    [InlineData("aitm-bec", 10)]
    [InlineData("synced-user", 2)]
    [InlineData("guest-user", 1)]
    [InlineData("illicit-consent", 6)]
    public void Bundled_scenario_loads_by_name_with_its_footholds(string name, int footholds)
    {
        var scenario = ScenarioLoader.Load(name);

        Assert.Equal(name, scenario.Name);
        Assert.Equal(footholds, scenario.Footholds.Count);
        Assert.Equal(Known.TenantId, scenario.Tenant.Id);
        Assert.Contains(scenario.Operators.Applications, a => a.DisplayName == "IdentityContainment Automation");
    }

    [Fact]
    public void Generated_is_a_bundled_name_for_the_generator()
    {
        var scenario = ScenarioLoader.Load("generated");

        Assert.Equal("generated", scenario.Name);
        Assert.True(scenario.Users.Count > 100);
    }

    [Fact]
    public void Relative_times_are_taken_from_the_load_time()
    {
        var loadTime = new DateTimeOffset(2030, 1, 10, 12, 0, 0, TimeSpan.Zero);

        var scenario = ScenarioLoader.Load("aitm-bec", loadTime);

        var session = scenario.Footholds.Single(f => f.Id == "aitm-session");
        Assert.Equal(loadTime.AddHours(-6), session.IssuedDateTime);
        var grant = scenario.OAuth2PermissionGrants.Single(g => g.Scope == " Mail.ReadWrite offline_access User.Read");
        Assert.Equal(loadTime - new TimeSpan(1, 23, 30, 0), grant.CreatedDateTime);
    }

    [Fact]
    public void User_references_given_as_upn_resolve_to_object_ids()
    {
        var scenario = ScenarioLoader.Load("aitm-bec");

        Assert.All(scenario.Footholds, f => Assert.Equal(Known.AdeleId, f.UserId));
        Assert.All(scenario.Mailboxes, m => Assert.True(Guid.TryParse(m.UserId, out _)));
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.Load("/nowhere/scenario.json"));

        Assert.Equal("/nowhere/scenario.json: file not found.", e.Message);
    }

    [Fact]
    public void Unknown_name_lists_the_bundled_scenarios()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.Load("aitm"));

        Assert.Contains("aitm-bec", e.Message);
        Assert.StartsWith("aitm: ", e.Message);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_the_line()
    {
        var path = ScenarioFiles.Write("{\n  \"name\": \"broken\",\n  \"tenant\": { \"id\": 1,, }\n}");

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadFile(path));

        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains("line 3", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    public static TheoryData<string, string, string> Problems => new()
    {
        {
            "missing required field",
            ScenarioFiles.Minimal(users: """, { "id": "aaaaaaaa-0000-4000-8000-000000000002", "displayName": "Bob" }"""),
            "missing required field 'userPrincipalName' at $.users[1]"
        },
        {
            "duplicate id",
            ScenarioFiles.Minimal(users: """, { "id": "aaaaaaaa-0000-4000-8000-000000000001", "userPrincipalName": "bob@tiny.onmicrosoft.com", "displayName": "Bob" }"""),
            "users[1].id: duplicate id 'aaaaaaaa-0000-4000-8000-000000000001'."
        },
        {
            "unknown user",
            ScenarioFiles.Minimal(footholds: """{ "id": "f1", "kind": "session", "userId": "ghost@tiny.onmicrosoft.com", "issuedDateTime": "-1d", "description": "x" }"""),
            "footholds[0].userId: refers to unknown user 'ghost@tiny.onmicrosoft.com'."
        },
        {
            "bad date",
            ScenarioFiles.Minimal(footholds: """{ "id": "f1", "kind": "session", "userId": "ann@tiny.onmicrosoft.com", "issuedDateTime": "yesterday", "description": "x" }"""),
            "'yesterday' is not a time"
        },
        {
            "session without issue time",
            ScenarioFiles.Minimal(footholds: """{ "id": "f1", "kind": "session", "userId": "ann@tiny.onmicrosoft.com", "description": "x" }"""),
            "footholds[0].issuedDateTime: required for a session foothold"
        },
        {
            "foothold target missing",
            ScenarioFiles.Minimal(footholds: """{ "id": "f1", "kind": "device", "userId": "ann@tiny.onmicrosoft.com", "target": "nope", "description": "x" }"""),
            "footholds[0].target: 'nope' refers to no device."
        },
        {
            "unknown field",
            ScenarioFiles.Minimal(extra: """, "usres": [] """),
            "unknown field 'usres'"
        },
        {
            "unknown foothold kind",
            ScenarioFiles.Minimal(footholds: """{ "id": "f1", "kind": "backdoor", "userId": "ann@tiny.onmicrosoft.com", "description": "x" }"""),
            "at $.footholds[0].kind"
        },
        {
            "unknown directory role",
            ScenarioFiles.Minimal(users: """, { "id": "aaaaaaaa-0000-4000-8000-000000000002", "userPrincipalName": "bob@tiny.onmicrosoft.com", "displayName": "Bob", "directoryRoles": ["Supreme Leader"] }"""),
            "users[1].directoryRoles: unknown directory role 'Supreme Leader'."
        },
        {
            "usage location not a country code",
            ScenarioFiles.Minimal(users: """, { "id": "aaaaaaaa-0000-4000-8000-000000000002", "userPrincipalName": "bob@tiny.onmicrosoft.com", "displayName": "Bob", "usageLocation": "usa" }"""),
            "users[1].usageLocation: 'usa' is not a two-letter country code"
        },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Invalid_scenario_error_names_the_file_and_the_problem(string because, string json, string expected)
    {
        var path = ScenarioFiles.Write(json);

        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadFile(path));

        Assert.True(e.Message.StartsWith(path + ": ", StringComparison.Ordinal), because);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Minimal_scenario_is_valid()
    {
        var scenario = ScenarioLoader.LoadFile(ScenarioFiles.Write(ScenarioFiles.Minimal()));

        Assert.Single(scenario.Users);
    }
}
