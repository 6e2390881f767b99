using System.Text.Json.Nodes;
using IdentityContainment.Graph;
using IdentityContainment.Users;

namespace IdentityContainment.Engine.Tests;

public sealed class UserQueryTests
{
    private const string AdeleId = "bc67ba94-637d-4efa-a09e-467ada679f81";

    [Fact]
    public void Ids_and_names_go_to_separate_queries_of_at_most_fifteen()
    {
        IEnumerable<string> ids = Enumerable.Range(0, 17).Select(i => new Guid(i, 0, 0, new byte[8]).ToString("D"));
        IEnumerable<string> names = Enumerable.Range(0, 16).Select(i => $"user{i}@contoso.com");

        List<UserQuery> queries = UserQuery.For(ids.Concat(names)).ToList();

        Assert.Equal(new[] { ("id", 15), ("id", 2), ("userPrincipalName", 15), ("userPrincipalName", 1) }, queries.Select(q => (q.Property, q.UserIds.Count)));
    }

    [Fact]
    public void The_filter_quotes_apostrophes_and_escapes_guest_names_for_the_url()
    {
        UserQuery query = UserQuery.For(new[] { "o'brien@contoso.com", "jordan_fabrikam.com#EXT#@contoso.onmicrosoft.com" }).Single();

        Assert.StartsWith("/users?$filter=", query.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("#", query.Url, StringComparison.Ordinal);
        string filter = Uri.UnescapeDataString(query.Url.Split('&')[0].Substring("/users?$filter=".Length));
        Assert.Equal("userPrincipalName in ('o''brien@contoso.com','jordan_fabrikam.com#EXT#@contoso.onmicrosoft.com')", filter);
        Assert.Contains("$select=id,userPrincipalName,", query.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_missing_from_the_answer_does_not_exist_and_others_are_matched_whatever_the_case()
    {
        UserQuery query = UserQuery.For(new[] { "ADELEV@contoso.com", "ghost@contoso.com" }).Single();
        var answer = new WholeList<UserQuery>(query, [JsonNode.Parse($$"""{"id":"{{AdeleId}}","userPrincipalName":"adelev@contoso.com","signInSessionsValidFromDateTime":"2026-11-23T10:00:00Z"}""")!], ListOutcome.Complete(1), "r-1");

        List<UserLookup> lookups = query.Read(answer).ToList();

        Assert.Equal(AdeleId, lookups[0].User!.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), lookups[0].User!.SignInSessionsValidFromDateTime);
        Assert.Null(lookups[1].User);
        Assert.Null(lookups[1].Error);
        var notFound = lookups[1].Failure(GraphOperation.RevokeSessions);
        Assert.Equal("UserNotFound", notFound.ErrorId);
        Assert.Equal("r-1", notFound.RequestId);
        Assert.Contains("ghost@contoso.com", notFound.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_query_is_every_asked_users_error()
    {
        UserQuery query = UserQuery.For(new[] { AdeleId, "2c63888f-28f0-4481-be6d-dce7a7ace732" }).Single();
        var refusal = GraphError.From(403, JsonNode.Parse("""{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}"""), null);
        var answer = new WholeList<UserQuery>(query, [], ListOutcome.Failed(0, refusal), null);

        List<UserLookup> lookups = query.Read(answer).ToList();

        Assert.All(lookups, l => Assert.Equal(403, l.Error!.Status));
        Assert.Contains("User.Read.All", lookups[0].Failure(GraphOperation.ReadUser).Message, StringComparison.Ordinal);
    }
}
