using IdentityContainment.Detection;
using IdentityContainment.Detection.Mailbox;
using IdentityContainment.Errors;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Mailboxes;

/// <summary>
/// Judges what a reader gathered as it arrives and passes on the findings at or above the minimum risk: a reader
/// gathers facts and knows nothing of rules, the rules know nothing of where facts came from.
/// </summary>
internal sealed class JudgingSink<TFacts> : IResultSink<TFacts>
    where TFacts : notnull
{
    private readonly IResultSink<MailboxFinding> _findings;
    private readonly RiskLevel _minimum;

    public JudgingSink(IResultSink<MailboxFinding> findings, RiskLevel minimum)
    {
        _findings = findings;
        _minimum = minimum;
    }

    public void Succeeded(TFacts facts)
    {
        foreach (MailboxFinding finding in MailboxJudge.JudgeAny(facts, _minimum))
        {
            _findings.Succeeded(finding);
        }
    }

    public void Failed(ContainmentException error) => _findings.Failed(error);

    public void Warn(string message) => _findings.Warn(message);
}
