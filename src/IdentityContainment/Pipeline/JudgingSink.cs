using IdentityContainment.Errors;

namespace IdentityContainment.Pipeline;

/// <summary>
/// Judges what a reader gathered as it arrives and passes on the findings the judgement gives (none, one, or several):
/// a reader gathers facts and knows nothing of rules, the rules know nothing of where facts came from. Errors and
/// warnings pass through unchanged.
/// </summary>
internal sealed class JudgingSink<TFacts, TFinding> : IResultSink<TFacts>
{
    private readonly IResultSink<TFinding> _findings;
    private readonly Func<TFacts, IEnumerable<TFinding>> _judge;

    public JudgingSink(IResultSink<TFinding> findings, Func<TFacts, IEnumerable<TFinding>> judge)
    {
        _findings = findings;
        _judge = judge;
    }

    public void Succeeded(TFacts facts)
    {
        foreach (TFinding finding in _judge(facts))
        {
            _findings.Succeeded(finding);
        }
    }

    public void Failed(ContainmentException error) => _findings.Failed(error);

    public void Warn(string message) => _findings.Warn(message);
}
