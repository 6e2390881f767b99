using IdentityContainment.Detection.Mailbox;

namespace IdentityContainment.Mailboxes.Removal;

/// <summary>
/// Where Exchange Online cmdlets run: the operator's own session (Connect-ExchangeOnline), reached through PowerShell.
/// The engine decides what to run; the host only says what the session has and runs it.
/// </summary>
public interface IExchangeCommandHost
{
    /// <summary>True when the session has a command of that name (cmdlet, function or alias).</summary>
    bool IsAvailable(string commandName);

    /// <summary>Runs the command; throws with Exchange's own message when it fails.</summary>
    void Run(ExchangeCommand command);
}
