using System.Globalization;
using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>
/// Idempotent re-import through Core's CSV importer: the same file twice, then a file with one
/// changed row, give exactly what SQLite holds after the same imports, and the counts worked
/// out by hand; with the commit's moves in one statement and in buckets of 7 staged rows.
/// </summary>
public sealed class ClickHouseReimportTests : IDisposable
{
    private static readonly DateRange January = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1));
    private static readonly DateRange Year = new(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));

    private readonly TestDatabase _database = TestDatabase.Single();
    private readonly string _dir = Directory.CreateTempSubdirectory("northstar-clickhouse-reimport-").FullName;

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(7)]
    public void Import_SameFileTwiceThenOneChangedRow_EqualsSqliteAndTheHandCounts(int bucketRows)
    {
        // 300 events: ev0..ev299, one every 2 hours from 2026-01-01 (600 h = 25 days, all in January);
        // types cycle session_start, page_view, form_submit; 50 visitors (a0..a49), channel paid_search on session starts.
        var original = WriteCsv("events.csv", i => Row(i));
        // ev7 (a page view on day 1, 14:00) moves to 2026-03-01 and becomes a session start by email.
        var changed = WriteCsv("events-changed.csv", i => i == 7 ? "ev7,2026-03-01T10:00:00Z,session_start,a7,email,newsletter" : Row(i));
        using var sqlite = SqliteFactStore.Open(Path.Combine(_dir, "reference.db"));
        var clickhouse = _database.Open();
        clickhouse.MoveBucketRows = bucketRows;
        var (chWs, sqWs) = (clickhouse.GetOrCreateWorkspace("acme"), sqlite.GetOrCreateWorkspace("acme"));

        foreach (var file in new[] { original, original })
        {
            Import(clickhouse, chWs, file);
            Import(sqlite, sqWs, file);
        }

        AssertSame(sqlite, sqWs, clickhouse, chWs);
        Assert.Equal(300, clickhouse.Summarize(chWs).Kinds[(int)FactKind.Events].Count);
        Assert.Equal(100, Count(clickhouse.ReadEventRollup(chWs, January, [EventType.SessionStart])));
        Assert.Equal(50, clickhouse.CountDistinctActors(chWs, [EventType.SessionStart], January));
        var versionBefore = clickhouse.DataVersion(chWs);

        Import(clickhouse, chWs, changed);
        Import(sqlite, sqWs, changed);

        AssertSame(sqlite, sqWs, clickhouse, chWs);
        Assert.Equal(300, clickhouse.Summarize(chWs).Kinds[(int)FactKind.Events].Count);
        Assert.Equal(99, Count(clickhouse.ReadEventRollup(chWs, January, [EventType.PageView])));
        Assert.Equal(1, Count(clickhouse.ReadEventRollup(chWs, new DateRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)))));
        Assert.Equal("email", Assert.Single(clickhouse.ReadEventRollup(chWs, Year, [EventType.SessionStart]), r => r.Day.Month == 3).Dims.Channel);
        Assert.NotEqual(versionBefore, clickhouse.DataVersion(chWs));
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Row(int i)
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(2 * i);
        var type = (i % 3) switch { 0 => "session_start", 1 => "page_view", _ => "form_submit" };
        var (medium, source) = i % 3 == 0 ? ("cpc", "google") : ("", "");
        return string.Create(CultureInfo.InvariantCulture, $"ev{i},{at:yyyy-MM-ddTHH:mm:ss}Z,{type},a{i % 50},{medium},{source}");
    }

    private string WriteCsv(string name, Func<int, string> row)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, ["id,timestamp,type,anonymous_id,medium,source", .. Enumerable.Range(0, 300).Select(row)]);
        return path;
    }

    private static void Import(IFactStore store, Workspace ws, string file)
    {
        var result = new CsvImporter(store).Import(ws, ImportFormat.Events, file, ImportOptions.Default);
        Assert.True(result.Succeeded && result.RowsStored == 300, $"import of {file}: {result.RowsStored} stored, {result.ErrorCount} errors");
    }

    private static long Count(IEnumerable<EventRollupRow> rows) => rows.Sum(r => r.Count);

    private static void AssertSame(IFactStore expected, Workspace expectedWs, IFactStore actual, Workspace actualWs)
    {
        Assert.Equal(
            expected.Read<EventFact>(expectedWs).OrderBy(e => e.Id, StringComparer.Ordinal),
            actual.Read<EventFact>(actualWs).OrderBy(e => e.Id, StringComparer.Ordinal));
        Assert.Equal(Sorted(expected.ReadEventRollup(expectedWs, Year)), Sorted(actual.ReadEventRollup(actualWs, Year)));
        Assert.Equal(expected.ReadLifecycles(expectedWs), actual.ReadLifecycles(actualWs));
        Assert.Equal(
            expected.CountDistinctActors(expectedWs, [EventType.SessionStart, EventType.FormSubmit], Year),
            actual.CountDistinctActors(actualWs, [EventType.SessionStart, EventType.FormSubmit], Year));
        Assert.Equal(expected.Summarize(expectedWs).Kinds, actual.Summarize(actualWs).Kinds);
    }

    private static List<string> Sorted(IEnumerable<EventRollupRow> rows) =>
        [.. rows.Select(r => r.ToString()).Order(StringComparer.Ordinal)];
}
