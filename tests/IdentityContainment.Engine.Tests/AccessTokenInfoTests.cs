using System.Text.Json.Nodes;
using IdentityContainment.Connection;
using IdentityContainment.Errors;

namespace IdentityContainment.Engine.Tests;

public sealed class AccessTokenInfoTests
{
    [Fact]
    public void App_token_gives_tenant_app_roles_and_expiry()
    {
        DateTimeOffset expires = DateTimeOffset.UtcNow.AddMinutes(42);
        AccessTokenInfo info = AccessTokenInfo.Parse(TestTokens.Create(TestTokens.AppClaims(expires: expires)));

        Assert.Equal("8f6a1b4e-2c3d-4e5f-9a0b-1c2d3e4f5a6b", info.TenantId);
        Assert.Equal("3c1f2a9e-7b6d-4c5e-8f9a-0b1c2d3e4f5a", info.AppId);
        Assert.False(info.IsDelegated);
        Assert.Equal(new[] { "User.Read.All", "User.RevokeSessions.All" }, info.Permissions);
        Assert.Equal(expires.ToUnixTimeSeconds(), info.ExpiresOn!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public void The_roles_in_wids_are_named_and_the_default_member_role_is_left_out()
    {
        JsonObject claims = TestTokens.AppClaims();
        claims["wids"] = new JsonArray("fe930be7-5e62-47db-91af-98c3a49a38b1", "b79fbf4d-3ef9-4689-8143-76b194e85509", "11111111-2222-3333-4444-555555555555");

        AccessTokenInfo info = AccessTokenInfo.Parse(TestTokens.Create(claims));

        Assert.Equal(new[] { "11111111-2222-3333-4444-555555555555", "User Administrator" }, info.DirectoryRoles);
    }

    [Fact]
    public void Delegated_token_gives_the_user_and_the_scopes()
    {
        var claims = new JsonObject
        {
            ["aud"] = "00000003-0000-0000-c000-000000000000",
            ["tid"] = "8f6a1b4e-2c3d-4e5f-9a0b-1c2d3e4f5a6b",
            ["upn"] = "responder@contoso.com",
            ["scp"] = "User.Read.All  User.RevokeSessions.All",
            ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        };

        AccessTokenInfo info = AccessTokenInfo.Parse(TestTokens.Create(claims));

        Assert.True(info.IsDelegated);
        Assert.Equal("responder@contoso.com", info.UserPrincipalName);
        Assert.Equal(new[] { "User.Read.All", "User.RevokeSessions.All" }, info.Permissions);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9-truncated")]
    [InlineData("a.b")]
    [InlineData("")]
    public void Malformed_token_is_refused_without_repeating_it(string token)
    {
        var error = Assert.Throws<ContainmentException>(() => AccessTokenInfo.Parse(token));

        Assert.Equal("AccessTokenMalformed", error.ErrorId);
        Assert.Equal(ContainmentErrorKind.InvalidArgument, error.Kind);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
        }
    }
}
