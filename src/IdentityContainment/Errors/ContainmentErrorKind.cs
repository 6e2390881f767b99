namespace IdentityContainment.Errors;

/// <summary>What went wrong, in terms the cmdlet layer maps to a PowerShell ErrorCategory.</summary>
public enum ContainmentErrorKind
{
    InvalidArgument,
    NotConnected,
    AuthenticationFailed,
    PermissionDenied,
    NotFound,
    NotSupported,
    Throttled,
    ServiceError,
    ConnectionFailed,
    Canceled,
}
