namespace IdentityContainment.Detection.AuthenticationMethods;

/// <summary>
/// A sign-in the sign-in analysis flagged, as the method rules need it: whose, and when. The hook between the two
/// hunts: a caller turns each suspicious sign-in finding into one of these.
/// </summary>
public sealed record FlaggedSignIn(string UserId, DateTimeOffset At);
