using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Schema;

/// <summary>
/// The stage rollup of one data version kept in the database (on the main server only, even
/// over a cluster: it is small, and one server answers it), so that a new process counts leads,
/// MQLs and customers by month with SQL instead of assembling every lifecycle first.
/// <c>stage_rollup_kept</c> holds the contacts reaching each moment per day and
/// <see cref="ContactDims"/> (NULL kept apart from ''); <c>stage_counts_kept</c> the same counts
/// summed per day and value of each dimension (dimension 0 the total, see
/// <see cref="StageRollup.DimensionNumber"/>); <c>stage_rollup_marks</c> says which rows are complete.
/// </summary>
/// <remarks>
/// ClickHouse has no transactions: a writer tags its rows with a random token and writes the
/// mark (workspace, version, token) only after every row is in. Readers read the rows of the
/// smallest marked token of a version, so two writers of one version never double a count, and
/// a writer that died before its mark left rows nobody reads. Every table is partitioned by
/// (workspace, version): a newer version's writer drops the older partitions whole (marks
/// first, then rows), and a reader checks after its rows that their mark is still there.
/// </remarks>
internal static class KeptStageRollup
{
    /// <summary>The rollup's dimension columns, in <see cref="ContactDims"/> order (before icp_fit).</summary>
    private const string DimColumns = "channel, source, medium, campaign, landing_page, segment, owner";

    private const string RollupColumns = $"ws, ver, token, moment, day, {DimColumns}, icp_fit, n";
    private const string CountColumns = "ws, ver, token, moment, dimension, day, value, n";

    /// <summary>Rows are sent once the buffer holds this many bytes.</summary>
    private const int FlushBytes = 16 << 20;

    /// <summary>The days ClickHouse's Date can hold (days since 1970-01-01 as a UInt16).</summary>
    private static readonly DateOnly FirstDay = new(1970, 1, 1);

    /// <summary>Version 3's tables.</summary>
    public static IEnumerable<string> Ddl { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS stage_rollup_kept (
            ws UInt64, ver UInt64, token UInt64, moment UInt8, day Date,
            channel Nullable(String), source Nullable(String), medium Nullable(String), campaign Nullable(String),
            landing_page Nullable(String), segment Nullable(String), owner Nullable(String), icp_fit Nullable(UInt8),
            n Int64)
        ENGINE = MergeTree
        PARTITION BY (ws, ver)
        ORDER BY (ws, ver, token, moment, day)
        """,
        """
        CREATE TABLE IF NOT EXISTS stage_counts_kept (
            ws UInt64, ver UInt64, token UInt64, moment UInt8, dimension UInt8, day Date, value String, n Int64)
        ENGINE = MergeTree
        PARTITION BY (ws, ver)
        ORDER BY (ws, ver, token, moment, dimension, day, value)
        """,
        """
        CREATE TABLE IF NOT EXISTS stage_rollup_marks (ws UInt64, ver UInt64, token UInt64)
        ENGINE = MergeTree
        PARTITION BY (ws, ver)
        ORDER BY (ws, ver, token)
        """,
    ];

    /// <summary>The workspace's data version and the smallest marked token of it (0 when its rollup is not kept), in one query.</summary>
    public static KeptMark FindMark(ClickHouseClient main, long ws)
    {
        var sql = $"""
            SELECT v, t FROM (SELECT max(ver) AS v FROM commits WHERE ws = {ws})
            ANY LEFT JOIN (SELECT ver AS v, min(token) AS t FROM stage_rollup_marks WHERE ws = {ws} GROUP BY ver) USING v
            """;
        var (version, token) = main.Query(sql, r => (r.UInt64(), r.UInt64())).Single();
        return new KeptMark(ws, (long)version, token);
    }

    /// <summary>Whether some writer completed the rows of this version (any token).</summary>
    public static bool IsKept(ClickHouseClient main, long ws, long version) =>
        main.QueryValue($"SELECT count() FROM stage_rollup_marks WHERE ws = {ws} AND ver = {version}") != "0";

    /// <summary>Whether the mark is still there (a newer version's writer drops older ones).</summary>
    public static bool StillMarked(ClickHouseClient main, KeptMark mark) =>
        main.QueryValue($"SELECT count() FROM stage_rollup_marks WHERE {Of(mark)}") != "0";

    /// <summary>The kept rollup rows of the mark with a day in the range, of the given moments (all when null), summed in SQL.</summary>
    public static List<StageRollupRow> ReadRollup(ClickHouseClient main, KeptMark mark, DateRange range, IReadOnlyCollection<ContactMoment>? moments)
    {
        if (moments is { Count: 0 })
        {
            return [];
        }

        var only = moments is null ? "" : $" AND moment IN ({string.Join(", ", moments.Select(m => (int)m))})";
        var sql = $"""
            SELECT moment, day, {DimColumns}, icp_fit, sum(n) AS count
            FROM stage_rollup_kept
            WHERE {Of(mark)}{only} AND {Days(range)}
            GROUP BY moment, day, {DimColumns}, icp_fit
            HAVING count != 0
            """;
        return [.. main.Query(sql, r =>
        {
            var moment = (ContactMoment)r.UInt8();
            var day = r.Date();
            var dims = new ContactDims(
                r.NullableString(), r.NullableString(), r.NullableString(), r.NullableString(),
                r.NullableString(), r.NullableString(), r.NullableString(), r.HasValue() ? r.Bool() : null);
            return new StageRollupRow(day, moment, dims, r.Int64());
        })];
    }

    /// <summary>The kept counts of one moment and dimension (<see cref="StageRollup.DimensionNumber"/>) with a day in the range.</summary>
    public static List<StageCountRow> ReadCounts(ClickHouseClient main, KeptMark mark, DateRange range, ContactMoment moment, string? dimension)
    {
        var sql = $"""
            SELECT day, value, sum(n) AS count
            FROM stage_counts_kept
            WHERE {Of(mark)} AND moment = {(int)moment} AND dimension = {StageRollup.DimensionNumber(dimension)} AND {Days(range)}
            GROUP BY day, value
            HAVING count != 0
            """;
        return [.. main.Query(sql, r => new StageCountRow(r.Date(), r.String(), r.Int64()))];
    }

    /// <summary>Whether every day of the counts fits ClickHouse's Date (else the rollup is not kept: readers work it out).</summary>
    public static bool Fits(Dictionary<(ContactMoment Moment, DateOnly Day, ContactDims Dims), long> counts) =>
        counts.Keys.All(k => k.Day >= FirstDay && k.Day.DayNumber - FirstDay.DayNumber <= ushort.MaxValue);

    /// <summary>
    /// Writes the rollup and its per-dimension sums as version <paramref name="version"/> under
    /// <paramref name="token"/>, then (only when <paramref name="mark"/>) the mark that makes
    /// them readable, then drops the workspace's older versions.
    /// </summary>
    public static void Write(
        ClickHouseClient main, long ws, long version, ulong token,
        Dictionary<(ContactMoment Moment, DateOnly Day, ContactDims Dims), long> counts, bool mark = true)
    {
        var w = new RowBinaryWriter(1 << 20);
        foreach (var ((moment, day, dims), count) in counts)
        {
            if (count == 0)
            {
                continue;
            }

            Head(w, ws, version, token, moment);
            w.Date(day);
            foreach (var value in (ReadOnlySpan<string?>)[dims.Channel, dims.Source, dims.Medium, dims.Campaign, dims.LandingPage, dims.Segment, dims.Owner])
            {
                w.NullableString(value);
            }

            if (w.NullFlag(dims.IcpFit.HasValue))
            {
                w.Bool(dims.IcpFit!.Value);
            }

            w.Int64(count);
            Flush(main, "stage_rollup_kept", RollupColumns, w, FlushBytes);
        }

        Flush(main, "stage_rollup_kept", RollupColumns, w, 1);
        foreach (var ((moment, dimension, day, value), count) in StageRollup.SumPerDimension(counts))
        {
            Head(w, ws, version, token, moment);
            w.UInt8((byte)dimension);
            w.Date(day);
            w.String(value);
            w.Int64(count);
            Flush(main, "stage_counts_kept", CountColumns, w, FlushBytes);
        }

        Flush(main, "stage_counts_kept", CountColumns, w, 1);
        if (mark)
        {
            main.Execute($"INSERT INTO stage_rollup_marks (ws, ver, token) VALUES ({ws}, {version}, {token})");
            DropOlder(main, ws, version);
        }
    }

    /// <summary>
    /// Drops every version of the workspace older than <paramref name="version"/> (marked or
    /// left by a writer that died): the marks first, so a reader of such a version sees its mark
    /// gone before its rows.
    /// </summary>
    public static void DropOlder(ClickHouseClient main, long ws, long version)
    {
        var sql = $"""
            SELECT DISTINCT ver FROM (
                SELECT ver FROM stage_rollup_marks WHERE ws = {ws} AND ver < {version}
                UNION ALL SELECT DISTINCT ver FROM stage_rollup_kept WHERE ws = {ws} AND ver < {version}
                UNION ALL SELECT DISTINCT ver FROM stage_counts_kept WHERE ws = {ws} AND ver < {version})
            """;
        foreach (var old in main.Query(sql, r => r.UInt64()).ToList())
        {
            foreach (var table in new[] { "stage_rollup_marks", "stage_rollup_kept", "stage_counts_kept" })
            {
                main.Execute($"ALTER TABLE {table} DROP PARTITION ({ws}, {old})");
            }
        }
    }

    private static void Head(RowBinaryWriter w, long ws, long version, ulong token, ContactMoment moment)
    {
        w.UInt64((ulong)ws);
        w.UInt64((ulong)version);
        w.UInt64(token);
        w.UInt8((byte)moment);
    }

    private static void Flush(ClickHouseClient main, string table, string columns, RowBinaryWriter w, int atLeast)
    {
        if (w.Length >= atLeast)
        {
            main.Insert(table, columns, w.Written);
            w.Clear();
        }
    }

    private static string Of(KeptMark mark) => $"ws = {mark.Workspace} AND ver = {mark.Version} AND token = {mark.Token}";

    /// <summary>The range as day numbers since 1970 (the string form of Date parses only part of its range in 18.16).</summary>
    private static string Days(DateRange range)
    {
        var start = Math.Max(0L, range.Start.DayNumber - FirstDay.DayNumber);
        var end = Math.Max(0L, (long)range.End.DayNumber - FirstDay.DayNumber);
        return $"toUInt32(day) >= {start} AND toUInt32(day) < {end}";
    }
}
