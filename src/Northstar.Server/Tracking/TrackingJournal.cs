using Microsoft.Data.Sqlite;

namespace Northstar.Server.Tracking;

/// <summary>
/// The durable queue in front of the store: each accepted request's body, as received, appended
/// to a small SQLite file beside the store (<c>&lt;db&gt;-tracking-journal</c>, WAL,
/// <c>synchronous = NORMAL</c>: a commit survives kill -9). Appending is cheap whatever the
/// store's size (rows go at the end); the store's own commit is not (every commit rewrites the
/// event-key index pages that the new events' random keys land on), so the store is written in
/// large merges of many requests, and a request is answered as soon as its journal commit is done.
/// Rows leave the journal only after the store committed them, so a crash replays them (facts are
/// idempotent by key).
/// </summary>
internal sealed class TrackingJournal : IDisposable
{
    private readonly SqliteConnection _append;
    private readonly SqliteConnection _read;

    public TrackingJournal(string storePath)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = storePath + "-tracking-journal", Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        _append = Open(connection);
        using (var create = _append.CreateCommand())
        {
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS pending (
                    seq INTEGER PRIMARY KEY, workspace_id INTEGER NOT NULL, call INTEGER, received_at INTEGER NOT NULL, body BLOB NOT NULL);
                """;
            create.ExecuteNonQuery();
        }

        _read = Open(connection);
    }

    /// <summary>Appends the requests in one transaction (durable when this returns).</summary>
    public void Append(IReadOnlyList<JournalEntry> entries)
    {
        using var tx = _append.BeginTransaction();
        using var insert = _append.CreateCommand();
        insert.CommandText = "INSERT INTO pending(workspace_id, call, received_at, body) VALUES ($ws, $call, $at, $body)";
        var ws = insert.Parameters.Add("$ws", SqliteType.Integer);
        var call = insert.Parameters.Add("$call", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var body = insert.Parameters.Add("$body", SqliteType.Blob);
        foreach (var entry in entries)
        {
            ws.Value = entry.WorkspaceId;
            call.Value = entry.Call is { } c ? (int)c : DBNull.Value;
            at.Value = entry.ReceivedAt.UtcTicks;
            body.Value = entry.Body;
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>The oldest entries, in order, until about <paramref name="maxBytes"/> of bodies (at least one).</summary>
    public List<(long Seq, JournalEntry Entry)> ReadOldest(long maxBytes)
    {
        using var select = _read.CreateCommand();
        select.CommandText = "SELECT seq, workspace_id, call, received_at, body FROM pending ORDER BY seq";
        using var reader = select.ExecuteReader();
        var entries = new List<(long, JournalEntry)>();
        long bytes = 0;
        while (bytes < maxBytes && reader.Read())
        {
            var body = (byte[])reader.GetValue(4);
            bytes += body.Length;
            entries.Add((reader.GetInt64(0), new JournalEntry(
                reader.GetInt64(1), reader.IsDBNull(2) ? null : (SegmentCall)reader.GetInt32(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), body)));
        }

        return entries;
    }

    /// <summary>How many entries wait to be merged.</summary>
    public long Count()
    {
        using var count = _read.CreateCommand();
        count.CommandText = "SELECT count(*) FROM pending";
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>Removes the entries up to and including <paramref name="seq"/> (they are in the store).</summary>
    public void RemoveThrough(long seq)
    {
        using var delete = _read.CreateCommand();
        delete.CommandText = "DELETE FROM pending WHERE seq <= $seq";
        delete.Parameters.AddWithValue("$seq", seq);
        delete.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _append.Dispose();
        _read.Dispose();
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}

/// <summary>One accepted request as journaled: its workspace, its route (null: batch), when it arrived, its body.</summary>
internal sealed record JournalEntry(long WorkspaceId, SegmentCall? Call, DateTimeOffset ReceivedAt, byte[] Body);
