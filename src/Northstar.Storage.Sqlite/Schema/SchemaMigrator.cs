using System.Globalization;
using Microsoft.Data.Sqlite;
using Northstar.Core.Storage;

namespace Northstar.Storage.Sqlite.Schema;

/// <summary>Brings a file to the latest schema version on open.</summary>
internal static class SchemaMigrator
{
    /// <summary>
    /// Applies the steps the file has not seen, all in one write transaction (an upgrade is
    /// all or nothing, and two processes opening a new file at once do not both migrate it).
    /// A file that is up to date is only read, so opening it does not wait for a running write
    /// session. Refuses a file written by a newer version.
    /// </summary>
    /// <returns>The number of steps applied now.</returns>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<string> steps, string path)
    {
        if (CheckedVersion(connection, null, steps, path) == steps.Count)
        {
            return 0;
        }

        using var tx = connection.BeginTransaction(deferred: false);
        var version = CheckedVersion(connection, tx, steps, path);

        for (var v = version; v < steps.Count; v++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            // user_version lives in the file header, so it commits (or not) with the steps.
            command.CommandText = steps[v] + $";\nPRAGMA user_version = {v + 1};";
            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException e)
            {
                throw new StoreUnavailableException(
                    $"The database '{path}' could not be upgraded from schema version {v} to {v + 1} ({e.Message}); " +
                    "it is unchanged (the upgrade is one transaction). A file made by a development build may need making again.",
                    e);
            }
        }

        tx.Commit();
        return steps.Count - version;
    }

    private static int CheckedVersion(SqliteConnection connection, SqliteTransaction? tx, IReadOnlyList<string> steps, string path)
    {
        var version = UserVersion(connection, tx);
        return version <= steps.Count
            ? version
            : throw new StoreUnavailableException(
                $"The database '{path}' has schema version {version}, but this version of Northstar knows " +
                $"versions up to {steps.Count}: it was written by a newer Northstar. Upgrade Northstar to open it.");
    }

    public static int UserVersion(SqliteConnection connection, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
