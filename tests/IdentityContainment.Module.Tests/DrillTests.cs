using IdentityContainment.Module.Tests.Harness;

namespace IdentityContainment.Module.Tests;

/// <summary>The README's first command: the drill runs the shipped runbook against a sandbox incident and scores it.</summary>
public sealed class DrillTests
{
    [Fact]
    public void Aitm_drill_runs_the_runbook_and_scores_every_foothold_from_the_tenant()
    {
        (int exitCode, string output) = RunDrill("--scenario", "aitm-bec");

        Assert.Contains("Connected to Contoso Sandbox", output, StringComparison.Ordinal);
        Assert.Contains("User adelev@contoso.com: enabled True", output, StringComparison.Ordinal);
        Assert.Contains("Runbook finished with 0 error(s).", output, StringComparison.Ordinal);
        Assert.Contains("RevokeSessions adelev@contoso.com: Succeeded, sessions valid from", output, StringComparison.Ordinal);
        Assert.Contains("ResetPassword adelev@contoso.com: Succeeded", output, StringComparison.Ordinal);
        Assert.Matches(@"closed\s+Session\s+adelev@contoso\.com\s+aitm-session", output);
        Assert.Matches(@"closed\s+Password\s+adelev@contoso\.com\s+aitm-password", output);
        Assert.Equal(2, CountOf(output, "RemoveOAuthGrant adelev@contoso.com: Succeeded"));
        Assert.Contains("DisableServicePrincipal adelev@contoso.com: Succeeded", output, StringComparison.Ordinal);
        Assert.Matches(@"closed\s+OAuthGrant\s+adelev@contoso\.com\s+aitm-oauth-grant", output);
        Assert.Matches(@"closed\s+OAuthApp\s+adelev@contoso\.com\s+aitm-oauth-app", output);

        // Surgical: Adele's own consent survives.
        Assert.Contains("kept  Adobe Acrobat  adelev@contoso.com", output, StringComparison.Ordinal);
        Assert.Contains("ConfirmCompromised adelev@contoso.com: Succeeded", output, StringComparison.Ordinal);
        Assert.Matches(@"closed\s+Device\s+adelev@contoso\.com\s+aitm-device", output);
        Assert.Equal(2, CountOf(output, "RemoveInboxRule adelev@contoso.com: Succeeded"));
        Assert.Matches(@"closed\s+InboxRule\s+adelev@contoso\.com\s+aitm-forward-rule", output);
        Assert.Matches(@"closed\s+InboxRule\s+adelev@contoso\.com\s+aitm-hide-rule", output);
        Assert.Contains("kept  'Vendor newsletters'  adelev@contoso.com  enabled", output, StringComparison.Ordinal);
        Assert.Contains("kept  'From my manager'  adelev@contoso.com  enabled", output, StringComparison.Ordinal);

        // Mailbox forwarding is Exchange's alone: without -ExchangeOrganization the runbook says so and it stays open.
        Assert.Contains("WARNING No -ExchangeOrganization", output, StringComparison.Ordinal);
        Assert.Matches(@"OPEN\s+MailboxForwarding\s+adelev@contoso\.com\s+aitm-mailbox-forwarding", output);
        Assert.Contains("LEAKS   adelev@contoso.com", output, StringComparison.Ordinal);
        // The compromise start comes from the sign-in log (the drill gives no -CompromisedSince): the attacker's two
        // methods are removed and their device disabled, while her own methods and devices stay.
        Assert.Matches(@"High \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ adelev@contoso\.com OfficeHome from 192\.0\.2\.200", output);
        Assert.Equal(2, CountOf(output, "RemoveAuthenticationMethod adelev@contoso.com: Succeeded"));
        Assert.Contains("DisableDevice adelev@contoso.com: Succeeded", output, StringComparison.Ordinal);
        Assert.Matches(@"closed\s+AuthenticationMethod\s+adelev@contoso\.com\s+aitm-authenticator", output);
        Assert.Matches(@"closed\s+AuthenticationMethod\s+adelev@contoso\.com\s+aitm-phone", output);
        Assert.Contains("kept  MicrosoftAuthenticator 'iPhone 14'  adelev@contoso.com", output, StringComparison.Ordinal);
        Assert.Contains("kept  Phone 'mobile'  adelev@contoso.com", output, StringComparison.Ordinal);
        Assert.Contains("kept  device 'CONTOSO-LT-0142'  adelev@contoso.com  enabled", output, StringComparison.Ordinal);
        Assert.Contains("kept  device 'Adele's iPhone'  adelev@contoso.com  enabled", output, StringComparison.Ordinal);
        Assert.Contains("NOT contained: 1 of 10 footholds still give the attacker access.", output, StringComparison.Ordinal);
        Assert.Contains("WARNING No -KeyVaultUri: the temporary passwords are reset, but they cannot be retrieved from this job.", output, StringComparison.Ordinal);
        Assert.Contains("Summary of Reset-CompromisedPassword: 1 user(s), 3 succeeded, 0 failed, 0 error(s) (0 in all steps); passwords: 0 in Key Vault, 1 only in the output", output, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public void Bec_finance_drill_removes_the_rules_Graph_shows_and_keeps_the_users_own()
    {
        (int exitCode, string output) = RunDrill("--scenario", "bec-finance");

        Assert.Equal(1, exitCode);
        Assert.Contains("Runbook finished with 0 error(s).", output, StringComparison.Ordinal);
        Assert.Matches(@"closed\s+InboxRule\s+nestorw@fabrikam\.com\s+bec-hide-rule", output);
        Assert.Matches(@"closed\s+InboxRule\s+nestorw@fabrikam\.com\s+bec-delete-rule", output);
        Assert.Matches(@"OPEN\s+InboxRule\s+nestorw@fabrikam\.com\s+bec-hidden-rule", output);
        foreach (string own in new[] { "Projekte", "Newsletter", "Kopie an mich" })
        {
            Assert.Contains($"kept  '{own}'  nestorw@fabrikam.com  enabled", output, StringComparison.Ordinal);
        }

        Assert.Contains("NOT contained: 4 of 8 footholds still give the attacker access.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_spray_drill_contains_a_thousand_users_and_names_each_account_it_could_not()
    {
        (int exitCode, string output) = RunDrill("--scenario", "password-spray");

        Assert.Equal(1, exitCode);
        Assert.Contains("2000 attacker footholds on 1000 user(s)", output, StringComparison.Ordinal);
        // What the cloud cannot do, each explained: 5 synchronized accounts and 1 Global Administrator keep their
        // passwords (reset on-premises / by a person), and 5 guests keep their home-tenant sessions.
        Assert.Equal(5, CountOf(output, "ERROR SyncedUserPasswordResetRefused"));
        Assert.Equal(1, CountOf(output, "ERROR PasswordResetDenied"));
        Assert.Equal(6, CountOf(output, "ERROR "));
        Assert.Equal(5, CountOf(output, "OPEN    Session"));
        Assert.Contains("NOT contained: 11 of 2000 footholds still give the attacker access.", output, StringComparison.Ordinal);
        Assert.Matches(@"Summary of Reset-CompromisedPassword: 1000 user\(s\), \d+ succeeded, 6 failed, 6 error\(s\) \(6 in all steps\); passwords: 0 in Key Vault, 994 only in the output", output);
    }

    [Fact]
    public void A_missing_scenario_file_is_named_and_the_drill_exits_with_2()
    {
        (int exitCode, string output) = RunDrill("--scenario", "/nonexistent/incident.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("/nonexistent/incident.json", output, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) =>
        text.Split('\n').Count(line => line.Contains(part, StringComparison.Ordinal));

    private static (int ExitCode, string Output) RunDrill(params string[] arguments)
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string drill = Path.Combine(ModuleLocation.RepositoryRoot, "src", "IdentityContainment.Drill", "bin", configuration, "net10.0", "IdentityContainment.Drill.dll");
        return ChildProcess.Run("dotnet", arguments.Prepend(drill), environment: null, ChildProcess.HangGuard);
    }
}
