using IdentityContainment.Errors;
using IdentityContainment.Users;

namespace IdentityContainment.Engine.Tests;

public sealed class UserIdentifierTests
{
    [Theory]
    [InlineData("adele@contoso.com", "adele@contoso.com")]
    [InlineData("  adele@contoso.com ", "adele@contoso.com")]
    [InlineData("ADELEV@Contoso.onmicrosoft.com", "ADELEV@Contoso.onmicrosoft.com")]
    [InlineData("partner_fabrikam.com#EXT#@contoso.onmicrosoft.com", "partner_fabrikam.com#EXT#@contoso.onmicrosoft.com")]
    [InlineData("87D349ED-44D7-43E1-9A83-5F2406DEE5BD", "87d349ed-44d7-43e1-9a83-5f2406dee5bd")]
    [InlineData("{87d349ed-44d7-43e1-9a83-5f2406dee5bd}", "87d349ed-44d7-43e1-9a83-5f2406dee5bd")]
    public void Object_ids_and_user_principal_names_are_accepted(string input, string expected) =>
        Assert.Equal(expected, UserIdentifier.Normalize(input));

    [Theory]
    [InlineData(null, "UserIdEmpty")]
    [InlineData("", "UserIdEmpty")]
    [InlineData("   ", "UserIdEmpty")]
    [InlineData("Adele Vance", "UserIdMalformed")]
    [InlineData("adele", "UserIdMalformed")]
    [InlineData("adele@", "UserIdMalformed")]
    [InlineData("@contoso.com", "UserIdMalformed")]
    [InlineData("adele@contoso", "UserIdMalformed")]
    [InlineData("a@b@contoso.com", "UserIdMalformed")]
    [InlineData("adele @contoso.com", "UserIdMalformed")]
    [InlineData("adele@contoso..com", "UserIdMalformed")]
    public void Anything_else_is_refused_with_what_to_pass_instead(string? input, string errorId)
    {
        var error = Assert.Throws<ContainmentException>(() => UserIdentifier.Normalize(input));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(ContainmentErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("user principal name", error.Message, StringComparison.Ordinal);
    }
}
