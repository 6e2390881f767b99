namespace IdentityContainment.Polyfills;

/// <summary>
/// Waits on a given clock on both editions: .NET 8 has Task.Delay with a TimeProvider, .NET Framework gets it from
/// Microsoft.Bcl.TimeProvider. The engine's waits go through the clock so tests can move time instead of sleeping.
/// </summary>
internal static class ClockDelay
{
    public static Task Delay(TimeProvider clock, TimeSpan wait, CancellationToken cancellationToken = default) =>
#if NET8_0_OR_GREATER
        Task.Delay(wait, clock, cancellationToken);
#else
        clock.Delay(wait, cancellationToken);
#endif
}
