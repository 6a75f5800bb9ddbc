using System.Runtime.CompilerServices;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Views;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Lifecycles;

/// <summary>
/// The stored stage rollup (<c>stage_rollup</c>: contacts reaching each moment per local day and
/// <see cref="ContactDims"/>), kept by <see cref="LifecycleTable"/> whenever it writes lifecycles,
/// in the same transaction, so that counting leads by month reads a few thousand rows instead of
/// every lifecycle. <c>workspaces.stages_stale</c> is 1 while the rows are not to be trusted (a
/// workspace from before the table, or whose lifecycles are stale): reads then work the rollup out
/// from the lifecycles, and the store rebuilds it at open (when the lifecycles are current) or at
/// the next write session. <c>stage_counts</c> holds the same counts summed per day and value of
/// each dimension (and in total), what a count grouped by one dimension without filters reads:
/// a few rows a day instead of about one per contact. The stage times (<see cref="StageTimesTable"/>)
/// are kept here too, under the same stale mark.
/// </summary>
internal static class StageRollupTable
{
    private const string Upsert = """
        INSERT INTO stage_rollup(workspace_id, moment, day, dims_hash, channel, source, medium, campaign, landing_page, segment, owner, icp_fit, count)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
        ON CONFLICT(workspace_id, moment, day, dims_hash) DO UPDATE SET count = count + excluded.count
        """;

    public static bool IsStale(sqlite3 db, long workspaceId) =>
        NativeSql.ScalarInt64(db, "SELECT coalesce(max(stages_stale), 1) FROM workspaces WHERE id = ?1", workspaceId) != 0;

    /// <summary>The local days of the workspace (its zone as the metrics read it).</summary>
    public static LocalDays DaysOf(sqlite3 db, long workspaceId)
    {
        using var zone = new Statement(db, "SELECT time_zone FROM workspaces WHERE id = ?1");
        var name = zone.Int(1, workspaceId).Rows().Select(r => r.Text()).FirstOrDefault() ?? "UTC";
        return StageRollup.DaysOf(name);
    }

    /// <summary>Replaces the workspace's rows with the rollup of these (all of its) lifecycles and marks them current.</summary>
    public static void Rebuild(sqlite3 db, long workspaceId, IEnumerable<ContactLifecycle> lifecycles)
    {
        using (var delete = new Statement(db, "DELETE FROM stage_rollup WHERE workspace_id = ?1"))
        {
            delete.Int(1, workspaceId).Run();
        }

        using (var delete = new Statement(db, "DELETE FROM stage_counts WHERE workspace_id = ?1"))
        {
            delete.Int(1, workspaceId).Run();
        }

        var counts = new Dictionary<(ContactMoment, DateOnly, ContactDims), long>();
        var all = lifecycles as IReadOnlyCollection<ContactLifecycle> ?? [.. lifecycles];
        StageRollup.Tally(counts, all, DaysOf(db, workspaceId), 1);
        Write(db, workspaceId, counts);
        StageTimesTable.Rebuild(db, workspaceId, all);
        NativeSql.ScalarInt64(db, "UPDATE workspaces SET stages_stale = 0 WHERE id = ?1 RETURNING stages_stale", workspaceId);
    }

    /// <summary>Moves the contributions of some contacts from their old lifecycles to their new ones.</summary>
    public static void Replace(sqlite3 db, long workspaceId, IEnumerable<ContactLifecycle> old, IEnumerable<ContactLifecycle> now)
    {
        var days = DaysOf(db, workspaceId);
        var deltas = new Dictionary<(ContactMoment, DateOnly, ContactDims), long>();
        StageRollup.Tally(deltas, old, days, -1);
        StageRollup.Tally(deltas, now, days, 1);
        Write(db, workspaceId, deltas);
        StageTimesTable.Replace(db, workspaceId, old, now);
    }

    /// <summary>The rows with a day in the range, of the given moments (all when null).</summary>
    public static List<StageRollupRow> Read(sqlite3 db, long workspaceId, DateRange range, IReadOnlyCollection<ContactMoment>? moments)
    {
        var rows = new List<StageRollupRow>();
        using var select = new Statement(
            db,
            "SELECT day, channel, source, medium, campaign, landing_page, segment, owner, icp_fit, count FROM stage_rollup " +
            "WHERE workspace_id = ?1 AND moment = ?2 AND day >= ?3 AND day < ?4");
        foreach (var moment in moments ?? StageRollup.AllMoments)
        {
            select.Int(1, workspaceId).Int(2, (int)moment).Int(3, range.Start.DayNumber).Int(4, range.End.DayNumber);
            foreach (var r in select.Rows())
            {
                var day = DateOnly.FromDayNumber((int)r.Int());
                var dims = new ContactDims(
                    r.SharedTextOrNull(), r.SharedTextOrNull(), r.SharedTextOrNull(), r.SharedTextOrNull(),
                    r.SharedTextOrNull(), r.SharedTextOrNull(), r.SharedTextOrNull(), r.Bool());
                rows.Add(new StageRollupRow(day, moment, dims, r.Int()));
            }
        }

        return rows;
    }

    /// <summary>The rows of one moment in the range summed per day and value of one dimension (per day when null).</summary>
    public static List<StageCountRow> ReadCounts(sqlite3 db, long workspaceId, DateRange range, ContactMoment moment, string? dimension)
    {
        var rows = new List<StageCountRow>();
        using var select = new Statement(
            db, "SELECT day, value, count FROM stage_counts WHERE workspace_id = ?1 AND moment = ?2 AND dimension = ?3 AND day >= ?4 AND day < ?5");
        select.Int(1, workspaceId).Int(2, (int)moment).Int(3, DimensionNumber(dimension)).Int(4, range.Start.DayNumber).Int(5, range.End.DayNumber);
        foreach (var r in select.Rows())
        {
            rows.Add(new StageCountRow(DateOnly.FromDayNumber((int)r.Int()), r.SharedText(), r.Int()));
        }

        return rows;
    }

    /// <summary>A dimension's number in <c>stage_counts</c>, as <see cref="StageRollup.DimensionNumber"/> gives it.</summary>
    public static int DimensionNumber(string? dimension) => StageRollup.DimensionNumber(dimension);

    /// <summary>At open: fills the rollup of every workspace whose lifecycles are current but rollup is not (a file from before the table).</summary>
    public static void RebuildStale(sqlite3 db)
    {
        if (NativeSql.ScalarInt64(db, "SELECT count(*) FROM sqlite_master WHERE name = 'stage_rollup'") == 0)
        {
            return;
        }

        List<long> ids;
        using (var stale = new Statement(db, "SELECT id FROM workspaces WHERE stages_stale = 1 AND lifecycles_stale = 0"))
        {
            ids = [.. stale.Rows().Select(r => r.Int())];
        }

        if (ids.Count == 0)
        {
            return;
        }

        NativeSql.Exec(db, "BEGIN IMMEDIATE");
        try
        {
            foreach (var id in ids)
            {
                // Checked again under the write lock: another process may have rebuilt it meanwhile.
                if (IsStale(db, id) && !LifecycleTable.IsStale(db, id))
                {
                    Rebuild(db, id, LifecycleTable.Read(db, id));
                }
            }

            NativeSql.Exec(db, "COMMIT");
        }
        catch
        {
            NativeSql.Exec(db, "ROLLBACK");
            throw;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write(sqlite3 db, long workspaceId, Dictionary<(ContactMoment, DateOnly, ContactDims), long> counts)
    {
        using var upsert = new Statement(db, Upsert);
        using var prune = new Statement(db, "DELETE FROM stage_rollup WHERE workspace_id = ?1 AND moment = ?2 AND day = ?3 AND dims_hash = ?4 AND count <= 0");
        foreach (var ((moment, day, dims), count) in counts)
        {
            if (count == 0)
            {
                continue;
            }

            upsert.Int(1, workspaceId).Int(2, (int)moment).Int(3, day.DayNumber).Int(4, Hash(dims))
                .Text(5, dims.Channel).Text(6, dims.Source).Text(7, dims.Medium).Text(8, dims.Campaign)
                .Text(9, dims.LandingPage).Text(10, dims.Segment).Text(11, dims.Owner);
            _ = dims.IcpFit is { } fit ? upsert.Int(12, fit ? 1 : 0) : upsert.Text(12, null);
            upsert.Int(13, count).Run();
            if (count < 0)
            {
                prune.Int(1, workspaceId).Int(2, (int)moment).Int(3, day.DayNumber).Int(4, Hash(dims)).Run();
            }
        }

        WriteCounts(db, workspaceId, counts);
    }

    /// <summary>The same changes summed per day and value of each dimension, and in total (dimension 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteCounts(sqlite3 db, long workspaceId, Dictionary<(ContactMoment, DateOnly, ContactDims), long> counts)
    {
        var sums = StageRollup.SumPerDimension(counts);
        using var upsert = new Statement(
            db,
            "INSERT INTO stage_counts(workspace_id, moment, dimension, day, value, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6) " +
            "ON CONFLICT(workspace_id, moment, dimension, day, value) DO UPDATE SET count = count + excluded.count");
        using var prune = new Statement(
            db, "DELETE FROM stage_counts WHERE workspace_id = ?1 AND moment = ?2 AND dimension = ?3 AND day = ?4 AND value = ?5 AND count <= 0");
        foreach (var ((moment, dimension, day, value), count) in sums)
        {
            upsert.Int(1, workspaceId).Int(2, (int)moment).Int(3, dimension).Int(4, day.DayNumber).Text(5, value).Int(6, count).Run();

            if (count < 0)
            {
                prune.Int(1, workspaceId).Int(2, (int)moment).Int(3, dimension).Int(4, day.DayNumber).Text(5, value).Run();
            }
        }
    }

    /// <summary>
    /// A 64-bit FNV-1a hash of the values, the rows' key (a null differs from an empty string:
    /// markers outside the UTF-16 range end each value). A collision would merge two tuples' counts,
    /// as <see cref="ActorHash"/> accepts for actors.
    /// </summary>
    internal static long Hash(ContactDims dims)
    {
        var h = 14695981039346656037UL;
        foreach (var value in (ReadOnlySpan<string?>)[dims.Channel, dims.Source, dims.Medium, dims.Campaign, dims.LandingPage, dims.Segment, dims.Owner])
        {
            if (value is not null)
            {
                foreach (var c in value)
                {
                    h = (h ^ c) * 1099511628211UL;
                }
            }

            h = (h ^ (value is null ? 0x10000UL : 0x10001UL)) * 1099511628211UL;
        }

        h = (h ^ (dims.IcpFit switch { null => 2UL, true => 1UL, false => 0UL })) * 1099511628211UL;
        return (long)h;
    }
}
