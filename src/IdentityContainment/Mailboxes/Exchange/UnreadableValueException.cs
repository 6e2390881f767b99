namespace IdentityContainment.Mailboxes.Exchange;

/// <summary>A property's value cannot be taken as what it should be; the message names the property and what to do.</summary>
internal sealed class UnreadableValueException : Exception
{
    public UnreadableValueException(string message)
        : base(message)
    {
    }
}
