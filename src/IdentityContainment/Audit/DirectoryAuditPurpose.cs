namespace IdentityContainment.Audit;

/// <summary>
/// What a hunt reads the directory audit log for, in the words its warnings use: the entries ("consents"), what is lost
/// for entries older than the log keeps, the warning's opening when the log cannot be read, and what the hunt does then.
/// </summary>
public sealed record DirectoryAuditPurpose(string Entries, string BeyondRetention, string WhenMissing, string Consequence);
