namespace IdentityContainment.Graph.Budgets;

/// <summary>A request's class and, for Outlook, the mailbox its concurrency is counted on (the user segment, lower case).</summary>
public sealed record ClassifiedRequest(RequestClass Class, string? Mailbox = null)
{
    public static readonly ClassifiedRequest Unbudgeted = new(RequestClass.Other);
}
