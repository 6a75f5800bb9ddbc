using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Postgres.Sql;
using Northstar.Storage.Postgres.Tables;
using Npgsql;
using NpgsqlTypes;

namespace Northstar.Storage.Postgres.Stages;

/// <summary>
/// The stage rollup of a workspace kept in the database per data version (schema step 2), so that
/// a new process answers the lifecycle counts (leads, MQLs... by month) with a few SQL rows
/// instead of assembling every lifecycle first. <c>stage_rollup_kept</c> holds the rows of
/// <see cref="StageRollup.Tally"/>, <c>stage_counts_kept</c> their sums per dimension
/// (<see cref="StageRollup.SumPerDimension"/>), and <c>stage_kept_versions</c> marks the versions
/// whose rows are complete: the marker and the rows are written in one transaction, so a marker
/// never stands without its rows. Readers ask for the workspace's current version only.
/// </summary>
internal static class KeptStageRollup
{
    /// <summary>The advisory lock class of storing a workspace's kept rollup ("NR"); the workspace id is the object.</summary>
    internal const int LockClass = 0x4E52;

    private const string Dims = "channel, source, medium, campaign, landing_page, segment, owner, icp_fit";

    /// <summary>
    /// The rollup rows with a day in the range, of the given moments (all when null), at the
    /// workspace's current data version; null when that version's rows are not kept. One statement,
    /// so the version, the marker and the rows are read in one snapshot (a newer version stored
    /// meanwhile deletes this one's rows only after).
    /// </summary>
    public static List<StageRollupRow>? ReadRollup(NpgsqlConnection connection, long workspaceId, DateRange range, IReadOnlyCollection<ContactMoment>? moments)
    {
        var momentFilter = moments?.Select(m => (short)m).ToArray();
        using var command = Db.Command(
            connection,
            """
            SELECT m.version IS NOT NULL, r.moment, r.day,
                r.channel, r.source, r.medium, r.campaign, r.landing_page, r.segment, r.owner, r.icp_fit, r.count
            FROM workspaces w
            LEFT JOIN stage_kept_versions m ON m.workspace_id = w.id AND m.version = w.data_version
            LEFT JOIN stage_rollup_kept r ON r.workspace_id = w.id AND r.version = m.version
                AND ($2::smallint[] IS NULL OR r.moment = ANY($2)) AND r.day >= $3 AND r.day < $4
            WHERE w.id = $1
            """,
            workspaceId, momentFilter, range.Start, range.End);
        return ReadKept(command, reader => new StageRollupRow(
            reader.GetFieldValue<DateOnly>(2),
            (ContactMoment)reader.GetInt16(1),
            new ContactDims(reader.Text(3), reader.Text(4), reader.Text(5), reader.Text(6), reader.Text(7), reader.Text(8), reader.Text(9), Cells.ReadBool(reader, 10)),
            reader.GetInt64(11)));
    }

    /// <summary>
    /// The kept sums of one moment in the range per day and value of one dimension (by its number,
    /// <see cref="StageRollup.DimensionNumber"/>), at the current data version; null when not kept.
    /// </summary>
    public static List<StageCountRow>? ReadCounts(NpgsqlConnection connection, long workspaceId, DateRange range, ContactMoment moment, int dimension)
    {
        using var command = Db.Command(
            connection,
            """
            SELECT m.version IS NOT NULL, r.day, r.value, r.count
            FROM workspaces w
            LEFT JOIN stage_kept_versions m ON m.workspace_id = w.id AND m.version = w.data_version
            LEFT JOIN stage_counts_kept r ON r.workspace_id = w.id AND r.version = m.version
                AND r.moment = $2 AND r.dimension = $3 AND r.day >= $4 AND r.day < $5
            WHERE w.id = $1
            """,
            workspaceId, (short)moment, (short)dimension, range.Start, range.End);
        return ReadKept(command, reader => new StageCountRow(reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetInt64(3)));
    }

    /// <summary>
    /// The rows of a query whose first column says whether the current version is kept and whose
    /// second is null on the one row of a kept version without rows in range: null when not kept,
    /// or when there is no row at all (a workspace not in this store, which the caller's usual path
    /// answers).
    /// </summary>
    private static List<T>? ReadKept<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> row)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        var kept = false;
        while (reader.Read())
        {
            kept = reader.GetBoolean(0);
            if (!kept)
            {
                return null;
            }

            if (!reader.IsDBNull(1))
            {
                rows.Add(row(reader));
            }
        }

        return kept ? rows : null;
    }

    /// <summary>
    /// Stores the rollup of <paramref name="lifecycles"/> (all of the workspace's, read at data
    /// version <paramref name="version"/> in one snapshot) as that version's kept rows, and deletes
    /// the workspace's older versions, in one transaction. Storers of a workspace take turns on an
    /// advisory lock: with <paramref name="wait"/> false (a reader) it gives up at once when another
    /// holds it. Nothing is written when this version or a newer one is kept already, so a second
    /// storer of the same version is harmless. Returns whether the rows were written.
    /// </summary>
    public static bool Store(NpgsqlConnection connection, long workspaceId, long version, IEnumerable<ContactLifecycle> lifecycles, string timeZone, bool wait)
    {
        var counts = new Dictionary<(ContactMoment Moment, DateOnly Day, ContactDims Dims), long>();
        StageRollup.Tally(counts, lifecycles, StageRollup.DaysOf(timeZone), 1);
        var sums = StageRollup.SumPerDimension(counts);

        using var tx = connection.BeginTransaction();
        if (wait)
        {
            Exec(connection, $"SELECT pg_advisory_xact_lock({LockClass}, $1)", (int)workspaceId);
        }
        else if (Db.Scalar(connection, $"SELECT pg_try_advisory_xact_lock({LockClass}, $1)", (int)workspaceId) is not true)
        {
            return false;
        }

        // Decided before any row goes in: a version kept already (or a newer one) stays as it is; a
        // workspace not in this store gets nothing.
        var marked = Exec(
            connection,
            """
            INSERT INTO stage_kept_versions(workspace_id, version, rollup_rows)
            SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM workspaces WHERE id = $1)
                AND NOT EXISTS (SELECT 1 FROM stage_kept_versions WHERE workspace_id = $1 AND version >= $2)
            ON CONFLICT DO NOTHING
            """,
            workspaceId, version, (long)counts.Count);
        if (marked == 0)
        {
            return false;
        }

        foreach (var table in new[] { "stage_rollup_kept", "stage_counts_kept", "stage_kept_versions" })
        {
            Exec(connection, $"DELETE FROM {table} WHERE workspace_id = $1 AND version < $2", workspaceId, version);
        }

        CopyRollup(connection, workspaceId, version, counts);
        CopyCounts(connection, workspaceId, version, sums);
        tx.Commit();
        return true;
    }

    private static void CopyRollup(NpgsqlConnection connection, long workspaceId, long version, Dictionary<(ContactMoment Moment, DateOnly Day, ContactDims Dims), long> counts)
    {
        using var copy = connection.BeginBinaryImport($"COPY stage_rollup_kept (workspace_id, version, moment, day, {Dims}, count) FROM STDIN (FORMAT BINARY)");
        copy.Timeout = TimeSpan.Zero;
        foreach (var ((moment, day, dims), count) in counts)
        {
            copy.StartRow();
            copy.Write(workspaceId, NpgsqlDbType.Bigint);
            copy.Write(version, NpgsqlDbType.Bigint);
            Cells.Short(copy, (int)moment);
            Cells.Date(copy, day);
            Cells.Text(copy, dims.Channel);
            Cells.Text(copy, dims.Source);
            Cells.Text(copy, dims.Medium);
            Cells.Text(copy, dims.Campaign);
            Cells.Text(copy, dims.LandingPage);
            Cells.Text(copy, dims.Segment);
            Cells.Text(copy, dims.Owner);
            Cells.Bool(copy, dims.IcpFit);
            copy.Write(count, NpgsqlDbType.Bigint);
        }

        copy.Complete();
    }

    private static void CopyCounts(NpgsqlConnection connection, long workspaceId, long version, Dictionary<(ContactMoment Moment, int Dimension, DateOnly Day, string Value), long> sums)
    {
        using var copy = connection.BeginBinaryImport("COPY stage_counts_kept (workspace_id, version, moment, dimension, day, value, count) FROM STDIN (FORMAT BINARY)");
        copy.Timeout = TimeSpan.Zero;
        foreach (var ((moment, dimension, day, value), count) in sums)
        {
            copy.StartRow();
            copy.Write(workspaceId, NpgsqlDbType.Bigint);
            copy.Write(version, NpgsqlDbType.Bigint);
            Cells.Short(copy, (int)moment);
            Cells.Short(copy, dimension);
            Cells.Date(copy, day);
            copy.Write(value, NpgsqlDbType.Text);
            copy.Write(count, NpgsqlDbType.Bigint);
        }

        copy.Complete();
    }

    /// <summary>Runs one statement without a time limit (deleting an older version of a large workspace takes a while).</summary>
    private static int Exec(NpgsqlConnection connection, string sql, params object?[] args)
    {
        using var command = Db.Command(connection, sql, args);
        command.CommandTimeout = 0;
        return command.ExecuteNonQuery();
    }
}
