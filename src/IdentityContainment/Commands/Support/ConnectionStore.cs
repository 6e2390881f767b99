using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using IdentityContainment.Connection;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// The connection of each runspace. Keyed by the runspace itself, so two runspaces in one process (Azure Automation runs
/// jobs that way, ForEach-Object -Parallel too) never see each other's tenant, and a disposed runspace takes its
/// connection with it.
/// </summary>
internal static class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, GraphConnection> Connections = new();

    public static GraphConnection? Current =>
        Runspace.DefaultRunspace is { } runspace && Connections.TryGetValue(runspace, out GraphConnection? connection) ? connection : null;

    public static void Set(GraphConnection connection)
    {
        Runspace runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
        lock (Connections)
        {
            GraphConnection? previous = Take(runspace);
            Connections.Add(runspace, connection);
            previous?.Dispose();
        }
    }

    public static GraphConnection? Remove()
    {
        if (Runspace.DefaultRunspace is not { } runspace)
        {
            return null;
        }

        lock (Connections)
        {
            return Take(runspace);
        }
    }

    private static GraphConnection? Take(Runspace runspace)
    {
        if (!Connections.TryGetValue(runspace, out GraphConnection? connection))
        {
            return null;
        }

        Connections.Remove(runspace);
        return connection;
    }
}
