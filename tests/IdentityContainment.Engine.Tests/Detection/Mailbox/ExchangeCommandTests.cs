using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Engine.Tests.Detection.Mailbox;

public sealed class ExchangeCommandTests
{
    [Fact]
    public void Strings_are_single_quoted_with_each_kind_of_single_quote_doubled()
    {
        ExchangeCommand command = ExchangeCommand.Of("Remove-InboxRule", ("Identity", "nestorw@fabrikam.com\\Don't \u2019look\u2018"));

        Assert.Equal("Remove-InboxRule -Identity 'nestorw@fabrikam.com\\Don''t \u2019\u2019look\u2018\u2018'", command.ToString());
    }

    [Fact]
    public void Nothing_inside_a_value_is_expanded_when_the_line_is_pasted()
    {
        string line = ExchangeCommand.Of("Set-Mailbox", ("Identity", "$(Remove-Mailbox x) `n \"y\"")).ToString();

        Assert.Equal("Set-Mailbox -Identity '$(Remove-Mailbox x) `n \"y\"'", line);
    }

    [Fact]
    public void Null_booleans_arrays_numbers_and_hashtables_are_written_as_powershell_reads_them()
    {
        ExchangeCommand command = ExchangeCommand.Of(
            "Do-Thing",
            ("Nothing", null),
            ("On", true),
            ("Confirm", false),
            ("Many", new[] { "a", "b'c" }),
            ("One", new[] { "a" }),
            ("None", Array.Empty<string>()),
            ("Count", 3),
            ("Change", new Dictionary<string, object?> { ["Remove"] = new[] { "IT Support", "Finance Archive" }, ["Add"] = "x" }));

        Assert.Equal(
            "Do-Thing -Nothing $null -On:$true -Confirm:$false -Many 'a','b''c' -One @('a') -None @() -Count 3 -Change @{Remove='IT Support','Finance Archive'; Add='x'}",
            command.ToString());
    }

    [Fact]
    public void A_parameter_is_read_back_by_name_ignoring_case()
    {
        ExchangeCommand command = ExchangeCommand.Of("Remove-MailboxPermission", ("Identity", "nestorw@fabrikam.com"), ("User", "IT Support"));

        Assert.Equal("IT Support", command["user"]);
        Assert.Null(command["Trustee"]);
    }
}
