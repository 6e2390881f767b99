using System.Text.Json.Nodes;
using IdentityContainment.Detection.SignIns;
using IdentityContainment.SignIns;

namespace IdentityContainment.Engine.Tests.SignIns;

public sealed class SignInJsonTests
{
    /// <summary>The signIn of the List signIns docs example (CONTRACT §9, examples/09-listSignIns.response.json), trimmed.</summary>
    private const string DocsExample = """
        {
          "id": "66ea54eb-6301-4ee5-be62-ff5a759b0100",
          "createdDateTime": "2020-03-13T19:15:41.6195833Z",
          "userDisplayName": "Test Contoso",
          "userPrincipalName": "testaccount1@contoso.com",
          "userId": "26be570a-ae82-4189-b4e2-a37c6808512d",
          "appId": "de8bc8b5-d9f9-48b1-a8ad-b748da725064",
          "appDisplayName": "Graph explorer",
          "ipAddress": "131.107.159.37",
          "clientAppUsed": "Browser",
          "correlationId": "d79f5bee-5860-4832-928f-3133e22ae912",
          "conditionalAccessStatus": "notApplied",
          "isInteractive": true,
          "riskDetail": "none",
          "riskLevelAggregated": "none",
          "riskLevelDuringSignIn": "none",
          "riskState": "none",
          "riskEventTypes": [],
          "resourceDisplayName": "Microsoft Graph",
          "resourceId": "00000003-0000-0000-c000-000000000000",
          "status": { "errorCode": 0, "failureReason": null, "additionalDetails": null },
          "deviceDetail": { "deviceId": "", "displayName": null, "operatingSystem": "Windows 10", "browser": "Edge 80.0.361", "isCompliant": null, "isManaged": null, "trustType": null },
          "location": { "city": "Redmond", "state": "Washington", "countryOrRegion": "US", "geoCoordinates": { "altitude": null, "latitude": 47.68050003051758, "longitude": -122.12094116210938 } }
        }
        """;

    [Fact]
    public void The_docs_example_reads_into_facts()
    {
        SignInFacts facts = SignInJson.Read(JsonNode.Parse(DocsExample)!);

        Assert.Equal("66ea54eb-6301-4ee5-be62-ff5a759b0100", facts.Id);
        Assert.Equal(new DateTimeOffset(2020, 3, 13, 19, 15, 41, TimeSpan.Zero), facts.CreatedDateTime.AddTicks(-(facts.CreatedDateTime.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal("26be570a-ae82-4189-b4e2-a37c6808512d", facts.UserId);
        Assert.Equal("Graph explorer", facts.AppDisplayName);
        Assert.Equal("131.107.159.37", facts.IpAddress);
        Assert.Equal("Browser", facts.ClientAppUsed);
        Assert.Equal("Redmond, Washington, US", facts.Place);
        Assert.Equal(47.68050003051758, facts.Latitude);
        Assert.Equal(-122.12094116210938, facts.Longitude);
        Assert.Equal(string.Empty, facts.DeviceId);
        Assert.Equal("Windows 10", facts.OperatingSystem);
        Assert.Null(facts.IsCompliant);
        Assert.True(facts.Succeeded);
        Assert.Equal("d79f5bee-5860-4832-928f-3133e22ae912", facts.CorrelationId);
        Assert.Equal("notApplied", facts.ConditionalAccessStatus);
        Assert.Null(facts.AuthenticationProtocol);
    }

    [Fact]
    public void A_sign_in_without_status_or_coordinates_is_neither_a_success_nor_located()
    {
        SignInFacts facts = SignInJson.Read(JsonNode.Parse("""{"id":"x","createdDateTime":"2026-11-21T09:00:00Z","userId":"u","location":{"city":"Oslo","geoCoordinates":{"latitude":null,"longitude":null}}}""")!);

        Assert.False(facts.Succeeded);
        Assert.False(facts.HasCoordinates);
        Assert.Equal("Oslo", facts.Place);
    }

    [Fact]
    public void Beta_device_code_fields_are_read_when_a_response_carries_them()
    {
        SignInFacts facts = SignInJson.Read(JsonNode.Parse("""{"id":"x","createdDateTime":"2026-11-21T09:00:00Z","userId":"u","status":{"errorCode":0},"authenticationProtocol":"deviceCode","originalTransferMethod":"deviceCodeFlow"}""")!);

        Assert.True(SignInSignals.IsDeviceCodeFlow(facts));
    }

    /// <summary>A read that holds thousands of a user's sign-ins keeps one copy of what repeats on each, not one per entry.</summary>
    [Fact]
    public void Sign_ins_read_with_shared_texts_keep_one_copy_of_a_repeated_user_agent_and_their_own_ids()
    {
        const string Entry = """{"id":"ID","createdDateTime":"2026-11-21T09:00:00Z","userId":"u","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/124.0","location":{"city":"Oslo"}}""";
        var shared = new SharedTexts();

        SignInFacts first = SignInJson.Read(JsonNode.Parse(Entry.Replace("ID", "a", StringComparison.Ordinal))!, shared);
        SignInFacts second = SignInJson.Read(JsonNode.Parse(Entry.Replace("ID", "b", StringComparison.Ordinal))!, shared);
        SignInFacts alone = SignInJson.Read(JsonNode.Parse(Entry.Replace("ID", "c", StringComparison.Ordinal))!);

        Assert.Same(first.UserAgent, second.UserAgent);
        Assert.Same(first.City, second.City);
        Assert.NotSame(first.UserAgent, alone.UserAgent);
        Assert.Equal(first.UserAgent, alone.UserAgent);
        Assert.Equal(("a", "b"), (first.Id, second.Id));
    }
}
