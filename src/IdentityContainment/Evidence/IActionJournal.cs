namespace IdentityContainment.Evidence;

/// <summary>
/// Where every action the module takes is appended as evidence (issue 17 writes it to a journal file). The engine hands
/// it each ContainmentAction and PasswordReset as it reports them, as a <see cref="JournalEntry"/>, which has no field
/// for a password. Batches of one run work at once, so an implementation must accept calls from several threads; an
/// exception it throws stops the work that was reporting, because evidence that cannot be kept must not be lost silently.
/// </summary>
/// <remarks>
/// The seam is the reported action, not each write request with its request-id and status: the action already carries
/// the request-id and Graph's answer, and besides them the evidence read back, the outcome no single request shows
/// (Pending while replication lags, a writeback still running) and the actions no request was sent for (the operator's
/// own account set aside, Identity Protection missing in a cloud). A request-level seam would record reads and retries,
/// which are not actions, and would sit inside the batch client, which has no idea which user or step a request serves.
/// </remarks>
public interface IActionJournal
{
    void Append(JournalEntry entry);
}
