using Northstar.Core.Storage;
using Npgsql;

namespace Northstar.Storage.Postgres.Sql;

/// <summary>
/// Tells a lost or refused connection (server down, restarting, backend terminated, network
/// gone) from an error in the request, and turns the first into <see cref="StoreTransientException"/>.
/// </summary>
internal static class Transient
{
    /// <summary>
    /// True for every client-side Npgsql failure (connect, read, write, timeout: the connection
    /// is gone) and for the server's connection-class errors (SQLSTATE 08xxx, and 57P01-57P03:
    /// terminated by an administrator, crash shutdown, cannot connect now).
    /// </summary>
    public static bool Is(Exception exception) => exception switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException => true,
        _ => false,
    };

    /// <summary>The exception the caller sees: what was lost, where, and that nothing was kept.</summary>
    public static StoreTransientException Wrap(Exception exception, string server, bool write) =>
        new(
            $"The PostgreSQL server at {server} is unreachable: {exception.Message}; " +
            (write ? "nothing of this write was kept; try again." : "try again."),
            exception);
}
