using System.Diagnostics;
using System.Globalization;
using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Simulation;
using Northstar.Core.Workspaces;
using Northstar.Storage.ClickHouse;
using Northstar.Storage.ClickHouse.Client;
using Northstar.Storage.ClickHouse.Schema;

namespace Northstar.Bench;

/// <summary>
/// The ClickHouse backend against the server at NORTHSTAR_BENCH_CLICKHOUSE (else
/// NORTHSTAR_TEST_CLICKHOUSE; start one with scripts/clickhouse.sh):
/// <c>clickhouse import [ROWS]</c>: (a) the engine's own bulk load, ROWS narrow event rows
/// (default 2,000,000) as RowBinary into a bare MergeTree, then (b) the same rows as an events
/// CSV through Core's importer into a fresh Northstar database; rows/s each and the ratio.
/// <c>clickhouse review [CONTACTS]</c>: the demo company (default 3,700 contacts, about 1M
/// events; 37,000 is about 10M) built into a database kept between runs, then
/// <c>report review</c> for 2026-Q3, cold and warm, and the reads of a cold one piece by piece
/// (and whether the stage rollup was kept in the database beforehand: the first run on a
/// database from before schema 3 works it out and keeps it).
/// <c>clickhouse append [CONTACTS]</c>: a commit of 1,000 new events, then of one replaced
/// event, into that database.
/// </summary>
public static class ClickHouseBench
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var server = Environment.GetEnvironmentVariable("NORTHSTAR_BENCH_CLICKHOUSE") is { Length: > 0 } b ? b
            : Environment.GetEnvironmentVariable("NORTHSTAR_TEST_CLICKHOUSE") is { Length: > 0 } t ? t
            : null;
        if (server is null)
        {
            Console.Error.WriteLine("Set NORTHSTAR_BENCH_CLICKHOUSE (or NORTHSTAR_TEST_CLICKHOUSE); scripts/clickhouse.sh start DIR starts a server.");
            return 2;
        }

        var number = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        return args.FirstOrDefault() switch
        {
            "import" => Import(new Uri(server), number == 0 ? 2_000_000 : number),
            "review" => ReviewBench(new Uri(server), number == 0 ? 3_700 : number),
            "append" => Append(new Uri(server), number == 0 ? 3_700 : number),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: bench clickhouse import [ROWS] | review [CONTACTS] | append [CONTACTS]");
        return 2;
    }

    private static int Import(Uri server, int rows)
    {
        var dir = Directory.CreateTempSubdirectory("northstar-clickhouse-bench-");
        var database = "ns_bench_import";
        using var admin = new ClickHouseClient(server);
        try
        {
            var csv = Path.Combine(dir.FullName, "events.csv");
            NarrowEvents.Write(csv, rows);
            admin.Execute($"DROP DATABASE IF EXISTS {database}");
            admin.Execute($"CREATE DATABASE {database}");
            var raw = RawInsert(new ClickHouseClient(server, database), csv, rows);
            admin.Execute($"DROP DATABASE IF EXISTS {database}");
            var shaped = StoredShapeInsert(server, database, NarrowEvents.Facts(csv));
            Console.WriteLine($"clickhouse: (a') the same rows as Northstar stores them (a table like its events table, every column a write session sends; " +
                $"facts built before the clock), RowBinary: {shaped:N0} rows/s = {shaped / raw:P0} of (a); load {Load.Average()}");
            admin.Execute($"DROP DATABASE IF EXISTS {database}");

            using var store = ClickHouseFactStore.Open($"Url={server};Database={database}");
            var workspace = store.GetOrCreateWorkspace("bench");
            var clock = Stopwatch.StartNew();
            var result = new CsvImporter(store).Import(workspace, ImportFormat.Events, csv, ImportOptions.Default);
            var northstar = result.RowsStored / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"clickhouse: (b) Northstar import of the CSV: {result.RowsStored:N0} rows in {clock.Elapsed.TotalSeconds:F2} s: {northstar:N0} rows/s (errors {result.ErrorCount}), load {Load.Average()}");
            Console.WriteLine($"clickhouse: ratio (b)/(a) = {northstar / raw:P0} (target >= 70%)");
            return result.Succeeded && result.RowsStored == rows ? 0 : 1;
        }
        finally
        {
            admin.Execute($"DROP DATABASE IF EXISTS {database}");
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// (a'): <paramref name="facts"/> encoded as a write session encodes them and inserted, 1M rows a
    /// request, into a table made like the events table (same engine, partitions and sort key) but
    /// without the materialized views; rows/s over encoding and insert.
    /// </summary>
    private static double StoredShapeInsert(Uri server, string database, List<EventFact> facts)
    {
        using var store = ClickHouseFactStore.Open($"Url={server};Database={database}");
        var workspace = store.GetOrCreateWorkspace("bench");
        using var client = new ClickHouseClient(server, database);
        client.Execute("CREATE TABLE shaped_events AS events");
        var table = Storage.ClickHouse.Facts.FactTables.Events;
        var days = new LocalDays(workspace.TimeZone);
        var values = new RowBinaryWriter(4096);
        var w = new RowBinaryWriter(256 << 20);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            values.Clear();
            table.WriteValues(values, fact);
            w.UInt64((ulong)workspace.Id);
            w.Date(table.Day(fact, days));
            w.String(fact.Id);
            w.UInt64(1);
            w.Int8(1);
            w.UInt64(Storage.ClickHouse.Facts.RowHash.Of(values.Written.Span));
            Storage.ClickHouse.Facts.Values.Instant(w, fact.Timestamp);
            w.Raw(values.Written.Span);
            if ((i + 1) % 1_000_000 == 0 || i == facts.Count - 1)
            {
                client.Insert("shaped_events", table.AllColumns, w.Written);
                w.Clear();
            }
        }

        return facts.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>(a): the CSV's rows parsed into RowBinary and inserted into a bare MergeTree, 1M rows a request; rows/s over parse and insert.</summary>
    private static double RawInsert(ClickHouseClient client, string csv, int rows)
    {
        client.Execute("""
            CREATE TABLE raw_events (id String, ts Int64, type String, anonymous_id String, session_id String, source String, medium String, page String)
            ENGINE = MergeTree PARTITION BY toYYYYMM(toDate(intDiv(ts, 1000000))) ORDER BY (type, ts, id)
            """);
        var clock = Stopwatch.StartNew();
        var w = new RowBinaryWriter(64 << 20);
        var n = 0;
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            var f = line.Split(',');
            w.String(f[0]);
            w.Int64(DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1000);
            for (var i = 2; i < 8; i++)
            {
                w.String(f[i]);
            }

            if (++n % 1_000_000 == 0)
            {
                client.Insert("raw_events", "id, ts, type, anonymous_id, session_id, source, medium, page", w.Written);
                w.Clear();
            }
        }

        if (w.Length > 0)
        {
            client.Insert("raw_events", "id, ts, type, anonymous_id, session_id, source, medium, page", w.Written);
        }

        var rate = rows / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"clickhouse: (a) raw RowBinary insert into a bare MergeTree: {n:N0} rows in {clock.Elapsed.TotalSeconds:F2} s: {rate:N0} rows/s, load {Load.Average()}");
        client.Dispose();
        return rate;
    }

    private static int ReviewBench(Uri server, int contacts)
    {
        var connection = $"Url={server};Database=ns_bench_review_{contacts}";
        using var store = ClickHouseFactStore.Open(connection);
        var workspace = store.FindWorkspace("bench");
        if (workspace is null)
        {
            var clock = Stopwatch.StartNew();
            workspace = store.GetOrCreateWorkspace("bench");
            using var sink = new ChunkedStoreSink(store, workspace, 10_000_000);
            DemoCompany.Run(new SimulationOptions { Contacts = contacts }, sink);
            Console.WriteLine($"clickhouse: built the demo company ({contacts:N0} contacts) in {clock.Elapsed.TotalSeconds:F1} s");
        }

        Console.WriteLine($"clickhouse: {store.Summarize(workspace).Kinds[0].Count:N0} events in {connection}");
        // Whether a process before this one (the build's last commit, or a review) kept the stage
        // rollup of the current version: if not, this run's first review works it out and keeps it.
        var mark = KeptStageRollup.FindMark(store.Main, workspace.Id);
        Console.WriteLine($"clickhouse: stage rollup kept in the database for the current version: {(mark.Token != 0 ? "yes" : "no (this run keeps it)")}");
        var quarter = new DateRange(new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1));
        var previous = new DateRange(new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1));
        Time($"report review 2026-Q3 ({ReviewKpis.Mode}), cold: first engine of the process", new MetricsEngine(store, workspace), quarter, previous);
        Time($"report review 2026-Q3 ({ReviewKpis.Mode}), cold again (new engine)", new MetricsEngine(store, workspace), quarter, previous);
        Time("report review 2026-Q3, KPIs one by one, a third new engine", new MetricsEngine(store, workspace), quarter, previous, perKpi: true);
        var warm = new MetricsEngine(store, workspace);
        ReviewKpis.Run(warm, quarter, previous);
        Time("report review 2026-Q3, warm", warm, quarter, previous);
        Pieces(connection, workspace, quarter);
        return 0;
    }

    /// <summary>
    /// A tracking-sized commit into the review database (built by <c>review</c> first): 1,000 new
    /// events of existing contacts and new visitors, new keys (the firsts are combined with the
    /// stored ones); then one of those events again with another type (a replacement: the firsts
    /// of its actors are recomputed from the events). Adds to the database each run.
    /// </summary>
    private static int Append(Uri server, int contacts)
    {
        using var store = ClickHouseFactStore.Open($"Url={server};Database=ns_bench_review_{contacts}");
        if (store.FindWorkspace("bench") is not { } workspace)
        {
            Console.Error.WriteLine("Run bench clickhouse review first.");
            return 2;
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var at = new DateTimeOffset(2026, 9, 15, 12, 0, 0, TimeSpan.Zero);
        var contactIds = store.Read<Contact>(workspace).Take(500).Select(c => c.ContactId).ToArray();
        var events = Enumerable.Range(0, 1_000).Select(i => new EventFact
        {
            Id = $"append-{run}-{i}",
            Timestamp = at.AddSeconds(i),
            Type = i % 2 == 0 ? EventType.SessionStart : EventType.PageView,
            AnonymousId = $"append-visitor-{run}-{i % 300}",
            ContactId = i % 3 == 0 ? contactIds[i % contactIds.Length] : null,
            Channel = "email",
        }).ToArray();
        var clock = Stopwatch.StartNew();
        Commit(store, workspace, events);
        var adding = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        Commit(store, workspace, [events[0] with { Type = EventType.FormSubmit }]);
        Console.WriteLine($"clickhouse: commit of 1,000 new events {adding:F0} ms; of 1 replaced event {clock.Elapsed.TotalMilliseconds:F0} ms; load {Load.Average()}");
        return 0;
    }

    private static void Commit(ClickHouseFactStore store, Workspace workspace, EventFact[] events)
    {
        using var session = store.BeginWrite(workspace);
        session.Write<EventFact>(events, new List<int>());
        session.Commit();
    }

    /// <summary>The reads of a cold review one by one, on a second store (nothing kept in its memory), then the lifecycles' parts.</summary>
    private static void Pieces(string connection, Workspace workspace, DateRange quarter)
    {
        using var store = ClickHouseFactStore.Open(connection);
        var pieces = new List<string>();
        void Piece(string what, Action read)
        {
            var clock = Stopwatch.StartNew();
            read();
            pieces.Add($"{what} {clock.Elapsed.TotalMilliseconds:F0}");
        }

        // What a review reads of the stage rollup: the version and mark, then SQL over the kept tables.
        Piece("version and mark", () => KeptStageRollup.FindMark(store.Main, workspace.Id));
        Piece("stage rollup", () => store.ReadStageRollup(workspace, quarter));
        Piece("stage counts (leads by channel)", () => store.ReadStageCounts(workspace, quarter, ContactMoment.Lead, Dimensions.Channel));
        Piece("event rollup (session_start, every dimension)", () => store.ReadEventRollup(workspace, quarter, [EventType.SessionStart]));
        Piece("event totals (session_start, what sessions reads)", () => store.ReadEventTotals(workspace, quarter, [EventType.SessionStart]));
        Piece("deals", () => store.Read<Deal>(workspace).Count());
        Piece("spend", () => store.Read<Spend>(workspace).Count());
        Piece("subscriptions", () => store.Read<Subscription>(workspace).Count());
        // The lifecycles, which only the cohort KPIs read now (not the review).
        Piece("contacts", () => store.Read<Contact>(workspace).Count());
        Piece("stages", () => store.Read<StageChange>(workspace).Count());
        Piece("accounts", () => store.Read<Account>(workspace).Count());
        Piece("links", () => store.ReadIdentities(workspace));
        Piece("firsts rows (parsed only)", () => store.Main.Query(ActorFirsts.ReadFirstsSql(workspace.Id, "actor_firsts"), ActorFirsts.ReadFirst).Count());
        Piece("lifecycles (all of it)", () => store.ReadLifecycles(workspace));
        Console.WriteLine($"clickhouse: pieces of a cold review on a new store, ms: {string.Join(", ", pieces)}; load {Load.Average()}");
    }

    /// <summary>
    /// Times the review on the engine as <see cref="ReviewKpis.Run"/> runs it; <paramref name="perKpi"/>
    /// runs the KPIs one after another instead and prints each one's share.
    /// </summary>
    private static void Time(string what, MetricsEngine engine, DateRange quarter, DateRange previous, bool perKpi = false)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var shares = new List<string>();
        if (!perKpi)
        {
            ReviewKpis.Run(engine, quarter, previous);
        }

        foreach (var kpi in perKpi ? ReviewKpis.Ids : [])
        {
            var start = clock.Elapsed.TotalMilliseconds;
            engine.Run(new MetricQuery(kpi, quarter, Grain.Month) { CompareWith = previous });
            shares.Add($"{kpi} {clock.Elapsed.TotalMilliseconds - start:F0}");
        }

        Console.WriteLine($"clickhouse: {what}: {clock.Elapsed.TotalMilliseconds:F1} ms (cpu here {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds:F0} ms), load {Load.Average()}");
        if (perKpi)
        {
            Console.WriteLine($"clickhouse:   per KPI, ms: {string.Join(", ", shares)}");
        }
    }
}
