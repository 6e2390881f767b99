using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Errors;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Engine.Tests.Mailboxes;

/// <summary>What a mailbox reader or removal reported, kept for assertions (the engine reports from many tasks, so it locks).</summary>
internal sealed class MailboxResults : IResultSink<InboxRuleFacts>, IResultSink<ContainmentAction>
{
    private readonly object _lock = new();

    public List<InboxRuleFacts> Rules { get; } = new();

    public List<ContainmentAction> Actions { get; } = new();

    public List<ContainmentException> Errors { get; } = new();

    public List<string> Warnings { get; } = new();

    public InboxRuleFacts Rule(string name) => Assert.Single(Rules, r => r.Name == name);

    public void Succeeded(InboxRuleFacts result)
    {
        lock (_lock)
        {
            Rules.Add(result);
        }
    }

    public void Succeeded(ContainmentAction result)
    {
        lock (_lock)
        {
            Actions.Add(result);
        }
    }

    public void Failed(ContainmentException error)
    {
        lock (_lock)
        {
            Errors.Add(error);
        }
    }

    public void Warn(string message)
    {
        lock (_lock)
        {
            Warnings.Add(message);
        }
    }
}
