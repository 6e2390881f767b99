using System.Collections;
using System.Management.Automation;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Mailboxes.Removal;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// Runs Exchange Online cmdlets in the caller's own session, where Connect-ExchangeOnline put them, splatting the
/// parameters so that values keep their types ($null, $false, a hashtable) instead of being rendered as text.
/// </summary>
internal sealed class SessionExchangeCommands : IExchangeCommandHost
{
    // Run in a scope of its own (useNewScope below), so the caller's variables are neither read nor overwritten.
    private const string Splat = "param($exchangeCommandName, $exchangeParameters) & $exchangeCommandName @exchangeParameters -ErrorAction Stop";

    private readonly PSCmdlet _cmdlet;

    public SessionExchangeCommands(PSCmdlet cmdlet) => _cmdlet = cmdlet;

    public bool IsAvailable(string commandName) =>
        _cmdlet.InvokeCommand.GetCommand(commandName, CommandTypes.Cmdlet | CommandTypes.Function | CommandTypes.Alias) is not null;

    public void Run(ExchangeCommand command)
    {
        var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, object?> parameter in command.Parameters)
        {
            parameters[parameter.Key] = parameter.Value is IDictionary<string, object?> table ? new Hashtable(table.ToDictionary(p => p.Key, p => p.Value)) : parameter.Value;
        }

        try
        {
            _cmdlet.InvokeCommand.InvokeScript(Splat, true, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, command.Name, parameters);
        }
        catch (RuntimeException ex)
        {
            throw new InvalidOperationException(ex.ErrorRecord?.Exception?.Message ?? ex.Message, ex);
        }
    }
}
