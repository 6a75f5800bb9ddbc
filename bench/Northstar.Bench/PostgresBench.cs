using System.Diagnostics;
using System.Globalization;
using System.Text;
using Northstar.Core.Export;
using Northstar.Core.Import;
using Northstar.Core.Metrics;
using Northstar.Core.Simulation;
using Northstar.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Northstar.Bench;

/// <summary>
/// The PostgreSQL backend's speed, on the server of <c>NORTHSTAR_TEST_POSTGRES</c> (or the
/// connection string given). Usage: <c>postgres [events] [connection string]</c>: (a) the
/// engine's own bulk load, a binary COPY of N narrow event rows (default 1,000,000) into a bare
/// table; (b) Northstar's import of the same rows as an events CSV through <see cref="CsvImporter"/>
/// into a new workspace of <see cref="PostgresFactStore"/>, and its ratio to (a); (c) the same file
/// again and (d) the rows under new ids into that workspace (both the staged path of a workspace
/// with events). <c>postgres review CONTACTS
/// [connection string]</c>: the demo company (37,000 contacts ≈ 10M events) built once into a
/// database kept for later runs, then <c>report review</c> for a quarter, cold and warm.
/// </summary>
public static class PostgresBench
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "review")
        {
            var contacts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 37_000;
            return RunReview(contacts, Server(args, 2));
        }

        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        return RunImport(rows, Server(args, 1));
    }

    private static string Server(string[] args, int index) =>
        args.Length > index ? args[index]
        : Environment.GetEnvironmentVariable("NORTHSTAR_TEST_POSTGRES")
          ?? throw new InvalidOperationException("Give a connection string or set NORTHSTAR_TEST_POSTGRES (scripts/postgres.sh start DIR prints one).");

    private static int RunImport(int count, string server)
    {
        var rows = Generate(count);
        var dir = Directory.CreateTempSubdirectory("northstar-pg-bench-");
        try
        {
            var csv = Path.Combine(dir.FullName, "events.csv");
            WriteCsv(csv, rows);
            Console.WriteLine($"postgres: {count:N0} rows, CSV {new FileInfo(csv).Length / 1e6:F1} MB; load average {Load.Average()}");
            var raw = WithDatabase(server, "raw", cs => RawCopy(cs, rows));
            Console.WriteLine($"postgres: (a) raw binary COPY into a bare table: {raw:F2} s, {count / raw:N0} rows/s; load {Load.Average()}");
            var facts = NarrowEvents.Facts(csv);
            var unkeyed = WithDatabase(server, "shape", cs => StoredShapeCopy(cs, facts, keyed: false));
            Console.WriteLine($"postgres: (a'') as (a') below, into a table like the events table without its primary key: {unkeyed:F2} s, {count / unkeyed:N0} rows/s = {raw / unkeyed:P0} of (a)");
            var shaped = WithDatabase(server, "shape", cs => StoredShapeCopy(cs, facts, keyed: true));
            Console.WriteLine($"postgres: (a') the same rows as Northstar stores them (its events table with its primary key, every column its COPY writes; " +
                $"facts built before the clock), binary COPY: {shaped:F2} s, {count / shaped:N0} rows/s = {raw / shaped:P0} of (a); load {Load.Average()}");
            var import = WithDatabase(server, "import", cs => Import(cs, csv, count));
            Console.WriteLine($"postgres: (b) Northstar import into a new workspace (CSV parse, COPY, views at commit): {import.First}, {count / import.First.Wall:N0} rows/s; " +
                $"load {Load.Average()}");
            Console.WriteLine($"postgres: (c) the same file again into that workspace (staged path, nothing changes): {import.Again}, {count / import.Again.Wall:N0} rows/s");
            Console.WriteLine($"postgres: (d) {count:N0} new rows into that workspace (staged path, all new): {import.More}, {count / import.More.Wall:N0} rows/s; load {Load.Average()}");
            Console.WriteLine($"postgres: (b) / (a) = {raw / import.First.Wall:P0} (issue target: at least 70%)");

            // The demo company's events (real tracking shape: far fewer rollup groups per event than the synthetic rows).
            var demoDir = Path.Combine(dir.FullName, "demo");
            using (var sink = new CsvFactSink(demoDir))
            {
                DemoCompany.Run(new SimulationOptions { Contacts = Math.Max(50, count / 270) }, sink);
                sink.Complete();
            }

            var demoCsv = Path.Combine(demoDir, CanonicalLayout.FileName(Core.Facts.FactKind.Events));
            var demoRows = File.ReadLines(demoCsv).LongCount() - 1;
            var demo = WithDatabase(server, "demo", cs => ImportOnce(cs, demoCsv, demoRows));
            Console.WriteLine($"postgres: (e) the demo company's events ({demoRows:N0} rows, {new FileInfo(demoCsv).Length / 1e6:F1} MB) into a new workspace: {demo}, " +
                $"{demoRows / demo.Wall:N0} rows/s; (e) / (a) = {raw / (demo.Wall * count / demoRows):P0}; load {Load.Average()}");
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static double RawCopy(string connectionString, string[][] rows)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var create = new NpgsqlCommand(
            "CREATE TABLE raw_events(id text, ts timestamptz, type text, anonymous_id text, session_id text, source text, medium text, page text)", connection))
        {
            create.ExecuteNonQuery();
        }

        // Parsed before the clock starts: (a) times the engine's load alone.
        var times = rows.Select(r => DateTime.Parse(r[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToArray();
        var clock = Stopwatch.StartNew();
        using (var copy = connection.BeginBinaryImport("COPY raw_events FROM STDIN (FORMAT BINARY)"))
        {
            for (var r = 0; r < rows.Length; r++)
            {
                var row = rows[r];
                copy.StartRow();
                copy.Write(row[0], NpgsqlDbType.Text);
                copy.Write(times[r], NpgsqlDbType.TimestampTz);
                for (var i = 2; i < row.Length; i++)
                {
                    if (row[i].Length == 0)
                    {
                        copy.WriteNull();
                    }
                    else
                    {
                        copy.Write(row[i], NpgsqlDbType.Text);
                    }
                }
            }

            copy.Complete();
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>(a'): one binary COPY of <paramref name="facts"/> into a new workspace's event table, written as a write session writes them; no views.</summary>
    private static double StoredShapeCopy(string connectionString, List<Core.Facts.EventFact> facts, bool keyed)
    {
        using var store = PostgresFactStore.Open(connectionString);
        var workspace = store.GetOrCreateWorkspace("bench");
        var table = Storage.Postgres.Tables.FactTables.Of<Core.Facts.EventFact>();
        var days = new Core.Metrics.Views.LocalDays(workspace.TimeZone);
        using var connection = store.OpenConnection();
        var target = keyed ? table.Name : "events_unkeyed";
        if (!keyed)
        {
            using var create = new NpgsqlCommand($"CREATE TABLE {target} (LIKE {table.Name})", connection);
            create.ExecuteNonQuery();
        }

        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        using (var copy = connection.BeginBinaryImport($"COPY {target} (workspace_id, {string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            copy.Timeout = TimeSpan.Zero;
            foreach (var fact in facts)
            {
                copy.StartRow();
                copy.Write(workspace.Id, NpgsqlDbType.Bigint);
                table.Write(copy, fact, days);
            }

            copy.Complete();
        }

        Console.WriteLine($"postgres:   (CPU of this process, encoding and sending, {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:F2} s)");
        return clock.Elapsed.TotalSeconds;
    }

    private static Timing ImportOnce(string connectionString, string csv, long count)
    {
        using var store = PostgresFactStore.Open(connectionString);
        var workspace = store.GetOrCreateWorkspace("bench");
        var clock = new Timing.Clock(connectionString);
        var result = new CsvImporter(store).Import(workspace, ImportFormat.Events, csv, ImportOptions.Default);
        var timing = clock.Stop();
        if (!result.Succeeded || result.RowsStored != count)
        {
            throw new InvalidOperationException($"import stored {result.RowsStored} of {count}: {string.Join("; ", result.Errors.Take(3))}");
        }

        return timing;
    }

    private static (Timing First, Timing Again, Timing More) Import(string connectionString, string csv, int count)
    {
        using var store = PostgresFactStore.Open(connectionString);
        var workspace = store.GetOrCreateWorkspace("bench");
        var clock = new Timing.Clock(connectionString);
        var result = new CsvImporter(store).Import(workspace, ImportFormat.Events, csv, ImportOptions.Default);
        var first = clock.Stop();
        if (!result.Succeeded || result.RowsStored != count)
        {
            throw new InvalidOperationException($"import stored {result.RowsStored} of {count}: {string.Join("; ", result.Errors.Take(3))}");
        }

        // The same file again: every row is a stored key, so this takes the staged path (staging
        // table, compared with the stored rows at commit), as an import into a workspace with events does.
        clock = new Timing.Clock(connectionString);
        var second = new CsvImporter(store).Import(workspace, ImportFormat.Events, csv, ImportOptions.Default);
        var again = clock.Stop();
        if (!second.Succeeded)
        {
            throw new InvalidOperationException("re-import failed: " + string.Join("; ", second.Errors.Take(3)));
        }

        // New rows into a workspace that has events (the staged path with everything new): the same rows under other ids.
        var other = Path.Combine(Path.GetDirectoryName(csv)!, "more.csv");
        File.WriteAllLines(other, File.ReadLines(csv).Select((line, i) => i == 0 ? line : "ew" + line[2..]));
        clock = new Timing.Clock(connectionString);
        var third = new CsvImporter(store).Import(workspace, ImportFormat.Events, other, ImportOptions.Default);
        var more = clock.Stop();
        if (!third.Succeeded || third.RowsStored != count)
        {
            throw new InvalidOperationException("second import failed: " + string.Join("; ", third.Errors.Take(3)));
        }

        return (first, again, more);
    }

    private static int RunReview(int contacts, string server)
    {
        var name = $"ns_review_{contacts}";
        var builder = new NpgsqlConnectionStringBuilder(server);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            admin.Open();
            using var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{name}'", admin);
            if ((long)exists.ExecuteScalar()! == 0)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                create.ExecuteNonQuery();
            }
        }

        using var store = PostgresFactStore.Open(connectionString);
        var workspace = store.FindWorkspace("bench");
        if (workspace is null)
        {
            var clock = Stopwatch.StartNew();
            var building = store.GetOrCreateWorkspace("bench");
            using (var sink = new ChunkedStoreSink(store, building, 10_000_000))
            {
                DemoCompany.Run(new SimulationOptions { Contacts = contacts }, sink);
            }

            workspace = building;
            Console.WriteLine($"postgres review: built the demo company in {clock.Elapsed.TotalSeconds:F1} s (kept in database {name})");
        }

        Console.WriteLine($"postgres review: {store.Summarize(workspace).Kinds[0].Count:N0} events, {contacts:N0} contacts; load {Load.Average()}");
        Console.WriteLine($"postgres review: stage rollup kept in the database for the current data version: {KeptRollupRows(connectionString, workspace.Id)}");
        var quarter = new DateRange(new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1));
        var previous = new DateRange(new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1));
        void ReviewOn(MetricsEngine engine) => ReviewKpis.Run(engine, quarter, previous);

        // Wall time and this process's CPU time: on a shared machine the wall time includes waiting for a core.
        var cold = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < 5; i++)
        {
            var engine = new MetricsEngine(store, workspace);
            var cpu = Environment.CpuUsage.TotalTime;
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var clock = Stopwatch.StartNew();
            ReviewOn(engine);
            cold.Add((clock.Elapsed.TotalMilliseconds, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds));
            if (i == 0)
            {
                Console.WriteLine($"postgres review: the first engine compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - methods:N0} methods in " +
                    $"{(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F0} ms (JIT time, summed over threads)");
            }
        }

        var again = cold.Skip(1).Order().ToList();
        Console.WriteLine($"postgres review: report review 2026-Q3 ({ReviewKpis.Mode}), new engines: first {cold[0].Wall:F0} ms (cpu {cold[0].Cpu:F0} ms; JIT, and the stage rollup from SQL when kept, else the lifecycles assembled and the rollup stored), " +
            $"then best {again[0].Wall:F0} ms (cpu {again[0].Cpu:F0} ms), median {again[1].Wall:F0}-{again[2].Wall:F0} ms; load {Load.Average()}");

        var year = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));
        Console.WriteLine($"postgres review: after the first engine, kept stage rollup: {KeptRollupRows(connectionString, workspace.Id)}");
        Measure("stage counts, 2026-Q3, leads by channel (kept rows)", () => store.ReadStageCounts(workspace, quarter, Core.Metrics.Views.ContactMoment.Lead, Core.Metrics.Dimensions.Channel).Count);
        Measure("stage rollup, 2026-Q3, mqls (kept rows)", () => store.ReadStageRollup(workspace, quarter, [Core.Metrics.Views.ContactMoment.Mql]).Count);
        Measure("lifecycles (assembled here unless a review KPI or the rollup's storing read them)", () => store.ReadLifecycles(workspace).Count);
        Measure("(in memory) the rollup's rows and per-dimension sums, what storing it computes", () =>
        {
            var counts = new Dictionary<(Core.Metrics.Views.ContactMoment, DateOnly, Core.Metrics.Views.ContactDims), long>();
            Core.Metrics.Views.StageRollup.Tally(counts, store.ReadLifecycles(workspace), Core.Metrics.Views.StageRollup.DaysOf(workspace.TimeZone), 1);
            return counts.Count + Core.Metrics.Views.StageRollup.SumPerDimension(counts).Count;
        });
        Measure("event rollup, 2026-Q3, every type", () => store.ReadEventRollup(workspace, quarter).Count);
        Measure("event rollup, 2026, session_start", () => store.ReadEventRollup(workspace, year, [Core.Facts.EventType.SessionStart]).Count);
        Measure("event totals (what sessions reads), 2026-Q2..Q3, session_start", () => store.ReadEventTotals(workspace, new DateRange(previous.Start, quarter.End), [Core.Facts.EventType.SessionStart]).Count);
        Measure("distinct visitors (no review KPI reads it), 2026-Q3", () => (int)store.CountDistinctActors(workspace, [Core.Facts.EventType.SessionStart], quarter));
        Measure("deals", () => store.Read<Core.Facts.Deal>(workspace).Count());
        Measure("spend", () => store.Read<Core.Facts.Spend>(workspace).Count());
        Measure("subscriptions", () => store.Read<Core.Facts.Subscription>(workspace).Count());
        var warm = new MetricsEngine(store, workspace);
        ReviewOn(warm);
        var warmClock = Stopwatch.StartNew();
        ReviewOn(warm);
        var warmMs = warmClock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"postgres review: report review 2026-Q3, the same engine again (warm): {warmMs:F1} ms; load {Load.Average()}");
        return 0;
    }

    /// <summary>"yes, N rows" when the workspace's current data version has its stage rollup kept, else "no".</summary>
    private static string KeptRollupRows(string connectionString, long workspaceId)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT m.rollup_rows FROM stage_kept_versions m JOIN workspaces w ON w.id = m.workspace_id AND w.data_version = m.version WHERE w.id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId });
        return command.ExecuteScalar() is long rows ? $"yes, {rows:N0} rollup rows" : "no";
    }

    private static void Measure(string what, Func<int> read)
    {
        var clock = Stopwatch.StartNew();
        var rows = read();
        var first = clock.Elapsed.TotalMilliseconds;
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            clock.Restart();
            read();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"postgres review: read {what}: {rows:N0} rows in {first:F1} ms (best of 3 more {best:F1} ms)");
    }

    private static T WithDatabase<T>(string server, string purpose, Func<string, T> run)
    {
        var name = $"ns_bench_{purpose}_{Guid.NewGuid().ToString("N")[..8]}";
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }

        try
        {
            return run(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }

    /// <summary>Narrow rows as a tracker export looks (ImportBench's shape): id, timestamp, type, anonymous and session ids, source, medium, page.</summary>
    private static string[][] Generate(int count)
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var random = new Random(42);
        var rows = new string[count][];
        for (var i = 0; i < count; i++)
        {
            var (source, medium) = NarrowEvents.Sources[random.Next(NarrowEvents.Sources.Length)];
            var visitor = random.Next(200_000);
            rows[i] =
            [
                string.Create(CultureInfo.InvariantCulture, $"ev{i}"),
                start.AddSeconds(i * 7L).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                NarrowEvents.Types[i % NarrowEvents.Types.Length],
                string.Create(CultureInfo.InvariantCulture, $"a{visitor}"),
                string.Create(CultureInfo.InvariantCulture, $"s{visitor}-{i / 20}"),
                source,
                medium,
                string.Create(CultureInfo.InvariantCulture, $"/page/{i % 300}"),
            ];
        }

        return rows;
    }

    private static void WriteCsv(string path, string[][] rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id,timestamp,type,anonymous_id,session_id,source,medium,page\n");
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', row));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Wall time of an import with the CPU time it took here (parsing, encoding) and in the
    /// PostgreSQL server processes of its database (read from /proc, so only when the server runs
    /// on this machine): on a shared machine the wall time includes waiting for a core.
    /// </summary>
    private sealed record Timing(double Wall, double ClientCpu, double ServerCpu)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Wall:F2} s (cpu: bench {ClientCpu:F2} s, server {(double.IsNaN(ServerCpu) ? "n/a" : ServerCpu.ToString("F2", CultureInfo.InvariantCulture))} s)");

        public sealed class Clock(string connectionString)
        {
            private readonly string _database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "";
            private readonly Stopwatch _wall = Stopwatch.StartNew();
            private readonly TimeSpan _client = Environment.CpuUsage.TotalTime;
            private readonly Dictionary<int, double> _server = BackendCpu(new NpgsqlConnectionStringBuilder(connectionString).Database ?? "");

            public Timing Stop()
            {
                var wall = _wall.Elapsed.TotalSeconds;
                var client = (Environment.CpuUsage.TotalTime - _client).TotalSeconds;
                var now = BackendCpu(_database);
                var server = now.Count == 0 ? double.NaN : now.Sum(p => p.Value - _server.GetValueOrDefault(p.Key));
                return new Timing(wall, client, server);
            }
        }

        /// <summary>CPU seconds so far of each backend process serving <paramref name="database"/> (its title names the database).</summary>
        private static Dictionary<int, double> BackendCpu(string database)
        {
            var result = new Dictionary<int, double>();
            if (!Directory.Exists("/proc"))
            {
                return result;
            }

            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }

                try
                {
                    var title = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                    if (!title.StartsWith("postgres: ", StringComparison.Ordinal) || !title.Contains($" {database} ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    result[pid] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
                }
                catch (IOException)
                {
                    // The process ended while being read.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            return result;
        }
    }
}
