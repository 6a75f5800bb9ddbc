namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>
/// The statements that move rows inside one shard: a write session's commit (cancel the stored
/// rows it replaces, then insert its new and changed rows) and clearing a workspace. Each is one
/// INSERT ... SELECT; the materialized views carry the signed rows on into the views. A move that
/// compares staged keys with stored ones holds the staged keys in memory as a set: a stage of
/// many rows moves in buckets of keys (<c>cityHash64(key) % buckets</c>), a bucket at a time.
/// </summary>
internal static class Moves
{
    /// <summary>How many buckets a move of <paramref name="rows"/> staged rows takes, at most <paramref name="bucketRows"/> rows a bucket.</summary>
    public static int Buckets(ulong rows, int bucketRows) => (int)Math.Max(1, (rows + (ulong)bucketRows - 1) / (ulong)bucketRows);

    /// <summary>
    /// Cancels (sign -1, a copy of the row) every stored row of the workspace whose key is staged
    /// in one bucket with other values (a row's day may change with its values, so the buckets
    /// are of keys, not months). A stored row is live while its (key, version) signs sum above
    /// zero: found by reading the keys, without <c>FINAL</c>, which in 18.16 merges every part of
    /// every month at once (4 GB at 40M events, 30 s a bucket).
    /// </summary>
    public static string CancelReplaced(FactTable table, long ws, string stage, int buckets, int bucket)
    {
        var staged = $"(SELECT key FROM {stage} WHERE {Bucket(buckets, bucket)})";
        return Cancel(table, $"""
            {Live(table.Name, $"ws = {ws} AND key IN {staged}")}
                AND (key, row_hash) NOT IN (SELECT key, row_hash FROM {stage} WHERE {Bucket(buckets, bucket)})
            """);
    }

    /// <summary>
    /// The condition of the live rows among those of <paramref name="table"/> that
    /// <paramref name="where"/> selects: sign +1 and (key, version) signs summing above zero.
    /// A cancellation copies its row, so <paramref name="where"/> selects both or neither.
    /// </summary>
    public static string Live(string table, string where) =>
        $"{where} AND sign = 1 AND (key, ver) IN (SELECT key, ver FROM {table} WHERE {where} GROUP BY key, ver HAVING sum(sign) > 0)";

    /// <summary>Inserts a cancellation (sign -1, a copy of the row) of every row of the table that <paramref name="condition"/> selects.</summary>
    private static string Cancel(FactTable table, string condition) =>
        $"""
        INSERT INTO {table.Name} ({table.AllColumns})
        SELECT ws, day, key, ver, toInt8(-1), row_hash, main_ts, {table.ValueColumns}
        FROM {table.Name}
        WHERE {condition}
        """;

    /// <summary>
    /// Inserts the staged rows of one month and key bucket not stored already (live) with the
    /// same values, as version <paramref name="version"/> (a stored row with the same values has
    /// the same day; the cancellations ran before, so a live row of a staged key has its values).
    /// </summary>
    public static string InsertStaged(FactTable table, long ws, string stage, ulong version, int month, int buckets, int bucket)
    {
        var rows = $"{Month(month)} AND {Bucket(buckets, bucket)}";
        return $"""
            INSERT INTO {table.Name} ({table.AllColumns})
            SELECT ws, day, key, toUInt64({version}), toInt8(1), row_hash, main_ts, {table.ValueColumns}
            FROM {stage}
            WHERE {rows} AND (key, row_hash) NOT IN (
                SELECT key, row_hash FROM {table.Name}
                WHERE ws = {ws} AND {Month(month)} AND key IN (SELECT key FROM {stage} WHERE {rows})
                GROUP BY key, ver, row_hash HAVING sum(sign) > 0)
            """;
    }

    /// <summary>The months (yyyyMM) of the staged rows with their row counts: the moves go one month (one partition) at a time.</summary>
    public static string Months(string stage) => $"SELECT toYYYYMM(day) AS month, count() FROM {stage} GROUP BY month ORDER BY month";

    /// <summary>The condition of one key bucket of <paramref name="buckets"/> (always true for one).</summary>
    public static string Bucket(int buckets, int bucket) =>
        buckets == 1 ? "1" : $"cityHash64(key) % {buckets} = {bucket}";

    /// <summary>
    /// The rows of one month, by the day's range (which prunes the stage's partitions): a move
    /// writing into every month at once holds a part writer (compression buffers of 1 MB per column
    /// file) per month and ran out of 4 GB moving the 10M-event demo company.
    /// </summary>
    public static string Month(int month)
    {
        var first = new DateOnly(month / 100, month % 100, 1);
        return $"day >= toDate('{first:yyyy-MM-dd}') AND day < toDate('{first.AddMonths(1):yyyy-MM-dd}')";
    }

    /// <summary>Inserts every staged row of one month, as version <paramref name="version"/> (when the table holds no row of the workspace).</summary>
    public static string InsertAll(FactTable table, string stage, ulong version, int month) =>
        $"""
        INSERT INTO {table.Name} ({table.AllColumns})
        SELECT ws, day, key, toUInt64({version}), toInt8(1), row_hash, main_ts, {table.ValueColumns}
        FROM {stage}
        WHERE {Month(month)}
        """;

    /// <summary>1 when the table holds any row of the workspace (a cancelled one too), else 0.</summary>
    public static string AnyRow(FactTable table, long ws) =>
        $"SELECT count() FROM (SELECT 1 FROM {table.Name} WHERE ws = {ws} LIMIT 1)";

    /// <summary>The months (yyyyMM) of the workspace's stored rows (cancelled ones too) with their row counts: a clear goes a month at a time.</summary>
    public static string StoredMonths(FactTable table, long ws) =>
        $"SELECT toYYYYMM(day) AS month, count() FROM {table.Name} WHERE ws = {ws} GROUP BY month ORDER BY month";

    /// <summary>
    /// Cancels every live row of the workspace in one month and key bucket (clearing its facts):
    /// found by keys and signs like <see cref="CancelReplaced"/>, not with <c>FINAL</c>, a month
    /// at a time (one part writer) and a bucket of keys at a time (one bounded key set).
    /// </summary>
    public static string CancelAll(FactTable table, long ws, int month, int buckets, int bucket) =>
        Cancel(table, Live(table.Name, $"ws = {ws} AND {Month(month)} AND {Bucket(buckets, bucket)}"));
}
