using System.Management.Automation;
using IdentityContainment.Errors;

namespace IdentityContainment.Commands.Support;

/// <summary>Turns the engine's errors into PowerShell error records with a real category and a stable id.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(ContainmentException error)
    {
        var record = new ErrorRecord(error, error.ErrorId, CategoryOf(error.Kind), error.Target);
        if (error.RequestId is not null)
        {
            record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = $"Graph request-id: {error.RequestId}" };
        }

        return record;
    }

    public static ErrorRecord Unexpected(Exception error, object? target) =>
        error is ContainmentException known
            ? From(known)
            : new ErrorRecord(error, "UnexpectedError", ErrorCategory.NotSpecified, target);

    public static ErrorRecord NotConnected() => From(new ContainmentException(
        ContainmentErrorKind.NotConnected,
        "NotConnected",
        "Not connected to a tenant in this session. Run Connect-IdentityContainment first (for example Connect-IdentityContainment -TenantId contoso.onmicrosoft.com, or -ManagedIdentity in a runbook)."));

    private static ErrorCategory CategoryOf(ContainmentErrorKind kind) => kind switch
    {
        ContainmentErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ContainmentErrorKind.NotConnected => ErrorCategory.ConnectionError,
        ContainmentErrorKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
        ContainmentErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        ContainmentErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        ContainmentErrorKind.NotSupported => ErrorCategory.InvalidOperation,
        ContainmentErrorKind.Throttled => ErrorCategory.LimitsExceeded,
        ContainmentErrorKind.ServiceError => ErrorCategory.ResourceUnavailable,
        ContainmentErrorKind.ConnectionFailed => ErrorCategory.ConnectionError,
        ContainmentErrorKind.Canceled => ErrorCategory.OperationStopped,
        _ => ErrorCategory.NotSpecified,
    };
}
