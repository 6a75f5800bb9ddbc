using Microsoft.Data.Sqlite;
using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite.Events;
using Northstar.Storage.Sqlite.Lifecycles;
using Northstar.Storage.Sqlite.Schema;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Tables;
using SQLitePCL;

namespace Northstar.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (<c>synchronous = NORMAL</c>: a commit
/// survives a process crash; a power cut may lose the last commits, never corrupt the file).
/// The schema is migrated on open. Each operation uses its own pooled connection, so reads
/// run beside a write session and never see its rows before it commits. Safe to share
/// between threads; a write session belongs to one thread.
/// </summary>
/// <remarks>
/// Storage format: timestamps are INTEGER unix microseconds in UTC (an offset is not kept and
/// the part below a microsecond is dropped); dates TEXT <c>yyyy-MM-dd</c>; decimals TEXT
/// (exact, trailing zeros dropped); enums TEXT by snake_case name; properties TEXT as a JSON
/// object (NULL when none). Events are stored in segments of up to 4096 (a compact blob each,
/// see <see cref="Tables.EventTable"/>) and keyed by a 63-bit hash of (workspace, id); another
/// event whose id hashes to a taken key is stored under the next free key, never over it.
/// </remarks>
public sealed partial class SqliteFactStore : INorthstarStore
{
    /// <summary>
    /// Page cache of a write connection in KiB (256 MiB, allocated only as used). New events are
    /// appended, but their key index is updated at random places, so the cache should hold the
    /// index (about 20 bytes an event); 1 GiB measured no faster at 10M events and made the commit slower.
    /// </summary>
    internal const int WriteCacheKiB = 262_144;

    /// <summary>The most page cache a write connection may use, in KiB (4 GiB, allocated only as used).</summary>
    internal const int MaxWriteCacheKiB = 4_194_304;

    /// <summary>
    /// The page cache of a write session on a file of this size: <see cref="WriteCacheKiB"/>, or
    /// twice the file when that is more (up to <see cref="MaxWriteCacheKiB"/>). New event keys
    /// land at random places of the key index, so once the index and the session's new pages
    /// outgrow the cache every insert evicts a dirty 64 KiB page into the WAL and reads another
    /// back: building the 100M-event demo store (about 2 GB of index) had written 645 GB through
    /// the WAL for its first 20M events, and half the file as cache still spilled 53 GB in its
    /// second 10M. A new file (the usual import) keeps the 256 MiB that measured best.
    /// </summary>
    internal static int WriteCacheKiBFor(long fileBytes) => (int)Math.Clamp(fileBytes * 2 / 1024, WriteCacheKiB, MaxWriteCacheKiB);

    /// <summary>
    /// Page size of a new file (64 KiB, SQLite's largest). Fewer, larger leaves mean fewer
    /// B-tree splits for the random-order event inserts: 1M events went from ~190k rows/s at
    /// 4 KiB to ~290k at 64 KiB. The price is that a tiny commit writes whole 64 KiB pages to
    /// the WAL. Fixed once the file exists.
    /// </summary>
    internal const int PageSize = 65_536;

    private readonly string _connectionString;
    private readonly Func<long, string, long> _eventKey;

    /// <summary>
    /// Puts SQLite in multi-thread mode for the process before its first connection: no mutex
    /// per connection, which every column read of a serialized connection locks and unlocks (a
    /// sixth of reading the activities at 100M events; reading them, the contacts or the stage
    /// changes took 25-30% less without it). Safe here: every connection, pooled or raw, is used
    /// by one thread at a time. When SQLite is already initialised (another library opened a
    /// database first) the call fails and it stays serialized, as safe and only slower.
    /// </summary>
    static SqliteFactStore()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
    }

    private SqliteFactStore(string path, Func<long, string, long> eventKey)
    {
        Path = path;
        _eventKey = eventKey;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (or creates) the store at <paramref name="path"/>, creating its folder if needed,
    /// and brings its schema up to date.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file was written by a newer Northstar.</exception>
    public static SqliteFactStore Open(string path) => Open(path, SchemaMigrations.Steps, EventKeyHash.Compute);

    /// <summary>Test seam: other migration steps, another event key function (to force hash collisions).</summary>
    internal static SqliteFactStore Open(string path, IReadOnlyList<string> migrations, Func<long, string, long> eventKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var store = new SqliteFactStore(full, eventKey);
        try
        {
            using var connection = store.OpenConnection();
            using (var wal = connection.CreateCommand())
            {
                // page_size only takes effect on a new, empty file, and must precede WAL mode.
                wal.CommandText = $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL";
                wal.ExecuteNonQuery();
            }

            SchemaMigrator.Migrate(connection, migrations, full);
            StageRollupTable.RebuildStale(connection.Handle!);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public Workspace GetOrCreateWorkspace(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var connection = OpenConnection();
        // Look first: an existing workspace needs no write lock, so this does not wait for a running write session.
        if (QueryWorkspaces(connection, name).SingleOrDefault() is { } existing)
        {
            return existing;
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO workspaces(name, time_zone) VALUES ($name, 'UTC') ON CONFLICT(name) DO NOTHING";
        insert.Parameters.AddWithValue("$name", name);
        insert.ExecuteNonQuery();
        return QueryWorkspaces(connection, name).Single();
    }

    public Workspace? FindWorkspace(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var connection = OpenConnection();
        return QueryWorkspaces(connection, name).SingleOrDefault();
    }

    public IReadOnlyList<Workspace> ListWorkspaces()
    {
        using var connection = OpenConnection();
        return QueryWorkspaces(connection, name: null);
    }

    public IFactWriteSession BeginWrite(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new SqliteWriteSession(OpenWriteHandle(), workspace, _eventKey);
    }

    public IEnumerable<TFact> Read<TFact>(Workspace workspace)
        where TFact : class, IFact
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return typeof(TFact) == typeof(EventFact)
            ? (IEnumerable<TFact>)ReadEvents(workspace.Id)
            : ReadRows(workspace.Id, FactTables.Of<TFact>());
    }

    public FactSummary Summarize(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        return new FactSummary([.. FactTables.All.Select(t => Summarize(connection.Handle!, t, workspace.Id))]);
    }

    public void ClearFacts(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction(deferred: false);
        foreach (var table in FactTables.All)
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = table.ClearSql;
            delete.Parameters.AddWithValue("$ws", workspace.Id);
            delete.ExecuteNonQuery();
        }

        ClearViews(connection, workspace.Id);
        tx.Commit();
    }

    public IReadOnlyList<ChannelRule> GetChannelRules(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, source, medium, campaign FROM channel_rules WHERE workspace_id = $ws ORDER BY position";
        command.Parameters.AddWithValue("$ws", workspace.Id);
        using var reader = command.ExecuteReader();
        var rules = new List<ChannelRule>();
        while (reader.Read())
        {
            rules.Add(new ChannelRule(reader.GetString(0), NullableText(reader, 1), NullableText(reader, 2), NullableText(reader, 3)));
        }

        return rules;
    }

    public void SetChannelRules(Workspace workspace, IReadOnlyList<ChannelRule> rules)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(rules);
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction(deferred: false);
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM channel_rules WHERE workspace_id = $ws";
        delete.Parameters.AddWithValue("$ws", workspace.Id);
        delete.ExecuteNonQuery();
        for (var i = 0; i < rules.Count; i++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO channel_rules(workspace_id, position, channel, source, medium, campaign) VALUES ($ws, $pos, $channel, $source, $medium, $campaign)";
            insert.Parameters.AddWithValue("$ws", workspace.Id);
            insert.Parameters.AddWithValue("$pos", i);
            insert.Parameters.AddWithValue("$channel", rules[i].Channel);
            insert.Parameters.AddWithValue("$source", (object?)rules[i].Source ?? DBNull.Value);
            insert.Parameters.AddWithValue("$medium", (object?)rules[i].Medium ?? DBNull.Value);
            insert.Parameters.AddWithValue("$campaign", (object?)rules[i].Campaign ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>Releases the pooled connections, so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Per connection: raw statements do not get Microsoft.Data.Sqlite's busy retry, so let SQLite wait.
        NativeSql.Exec(connection.Handle!, "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000");
        return connection;
    }

    /// <summary>
    /// A connection of its own for one write session, opened without SQLite's per-connection
    /// mutex (SQLITE_OPEN_NOMUTEX): a session is used by one thread at a time, and on the hot
    /// path every bind, step and reset would otherwise lock and unlock it (about a tenth of
    /// the store thread in a profile of the import). Not pooled: it is closed with the session.
    /// </summary>
    internal sqlite3 OpenWriteHandle()
    {
        var rc = raw.sqlite3_open_v2(Path, out var db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_NOMUTEX, null);
        try
        {
            NativeSql.Check(db, rc);
            NativeSql.Exec(db, "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000");
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private IEnumerable<EventFact> ReadEvents(long workspaceId)
    {
        using var connection = OpenConnection();
        foreach (var fact in EventSegmentReader.Read(connection.Handle!, workspaceId))
        {
            yield return fact;
        }
    }

    private IEnumerable<TFact> ReadRows<TFact>(long workspaceId, FactTable<TFact> table)
        where TFact : class, IFact
    {
        using var connection = OpenConnection();
        foreach (var fact in ReadRows(connection.Handle!, workspaceId, table))
        {
            yield return fact;
        }
    }

    private static IEnumerable<TFact> ReadRows<TFact>(sqlite3 db, long workspaceId, FactTable<TFact> table)
        where TFact : class, IFact
    {
        var stmt = NativeSql.Prepare(db, table.SelectSql);
        try
        {
            raw.sqlite3_bind_int64(stmt, 1, workspaceId);
            var row = new RowReader();
            while (NativeSql.StepRow(db, stmt))
            {
                yield return table.Read(row.Start(stmt, 0));
            }
        }
        finally
        {
            raw.sqlite3_finalize(stmt);
        }
    }

    private static FactKindSummary Summarize(sqlite3 db, FactTable table, long workspaceId)
    {
        var stmt = NativeSql.Prepare(db, table.SummarySql);
        try
        {
            raw.sqlite3_bind_int64(stmt, 1, workspaceId);
            NativeSql.StepRow(db, stmt);
            var count = raw.sqlite3_column_int64(stmt, 0);
            return new FactKindSummary(table.Kind, count, Bound(stmt, 1, table.TimeIsDate), Bound(stmt, 2, table.TimeIsDate));
        }
        finally
        {
            raw.sqlite3_finalize(stmt);
        }
    }

    private static DateTimeOffset? Bound(sqlite3_stmt stmt, int column, bool isDate)
    {
        var row = new RowReader().Start(stmt, column);
        return isDate
            ? row.TextOrNull() is { } text ? new DateTimeOffset(StoreValues.DateFromText(text), TimeOnly.MinValue, TimeSpan.Zero) : null
            : row.TimeOrNull();
    }

    private static string? NullableText(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static List<Workspace> QueryWorkspaces(SqliteConnection connection, string? name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, time_zone FROM workspaces WHERE $name IS NULL OR name = $name ORDER BY name";
        command.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var found = new List<Workspace>();
        while (reader.Read())
        {
            found.Add(new Workspace(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return found;
    }
}
