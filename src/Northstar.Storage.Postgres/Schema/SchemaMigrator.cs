using Northstar.Core.Storage;
using Npgsql;

namespace Northstar.Storage.Postgres.Schema;

/// <summary>
/// Brings a database to the schema of this build. Holds a session advisory lock while it looks
/// and migrates, so two processes opening the same database at once apply each step once. Each
/// step runs in its own transaction with the version it reaches.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The advisory lock key ("NSMIGRAT" as ASCII): only Northstar's migrator takes it.</summary>
    internal const long LockKey = 0x4E534D4947524154;

    /// <summary>Applies the steps the database lacks; refuses a database written by a newer build.</summary>
    /// <exception cref="StoreUnavailableException">The database is at a version above <paramref name="steps"/>'s count.</exception>
    public static void Migrate(NpgsqlConnection connection, IReadOnlyList<string> steps, string name)
    {
        Exec(connection, $"SELECT pg_advisory_lock({LockKey})");
        try
        {
            Exec(connection, "CREATE TABLE IF NOT EXISTS schema_version(version int NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            var current = CurrentVersion(connection);
            if (current > steps.Count)
            {
                throw new StoreUnavailableException(
                    $"The PostgreSQL database {name} was written by a newer Northstar (schema version {current}; this build knows up to {steps.Count}). Upgrade Northstar to open it.");
            }

            for (var version = current + 1; version <= steps.Count; version++)
            {
                using var tx = connection.BeginTransaction();
                Exec(connection, steps[version - 1]);
                Exec(connection, $"INSERT INTO schema_version(version) VALUES ({version})");
                tx.Commit();
            }
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                Exec(connection, $"SELECT pg_advisory_unlock({LockKey})");
            }
        }
    }

    /// <summary>The last step applied (0 for a database without Northstar's tables).</summary>
    public static int CurrentVersion(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Exec(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
