using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite.Events;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Views;
using SQLitePCL;

namespace Northstar.Storage.Sqlite;

/// <summary>
/// One write transaction on its own connection (<c>BEGIN IMMEDIATE</c>: the write lock is taken
/// up front, so two sessions queue instead of failing half-way). Rows it writes carry the
/// session's batch number, which is how a key written twice in one session is noticed. The
/// connection is the session's own (<see cref="SqliteFactStore.OpenWriteHandle"/>), closed with it.
/// </summary>
internal sealed class SqliteWriteSession : IFactWriteSession
{
    private readonly sqlite3 _db;
    private readonly long _workspaceId;
    private readonly long _batch;
    private readonly Func<long, string, long> _eventKey;
    private readonly Dictionary<Type, ITableWriter> _writers = [];
    private readonly ViewMaintainer? _views;
    private bool _committed;
    private bool _disposed;

    /// <summary>
    /// For the import bench only (<c>import N noviews</c>): events are stored without being folded
    /// into the derived views, which are then wrong for that file, so that the same build measures
    /// what keeping the views costs. Never set by the product.
    /// </summary>
    internal static bool SkipEventViewsForBench { get; set; }

    public SqliteWriteSession(sqlite3 db, Workspace workspace, Func<long, string, long> eventKey)
    {
        _db = db;
        _workspaceId = workspace.Id;
        _eventKey = eventKey;
        try
        {
            // Inside the try: BEGIN IMMEDIATE fails with SQLITE_BUSY when another writer holds the
            // lock past the busy timeout, and the connection must still be closed then.
            var fileBytes = NativeSql.ScalarInt64(_db, "PRAGMA page_count") * NativeSql.ScalarInt64(_db, "PRAGMA page_size");
            NativeSql.Exec(_db, "PRAGMA cache_size = -" + SqliteFactStore.WriteCacheKiBFor(fileBytes));
            NativeSql.Exec(_db, "BEGIN IMMEDIATE");
            if (NativeSql.ScalarInt64(_db, "SELECT count(*) FROM workspaces WHERE id = ?1", workspace.Id) == 0)
            {
                throw new ArgumentException($"Workspace '{workspace.Name}' (id {workspace.Id}) is not in this store.", nameof(workspace));
            }

            _batch = NativeSql.ScalarInt64(_db, "UPDATE store_state SET last_batch = last_batch + 1 RETURNING last_batch");
            _views = new ViewMaintainer(_db, _workspaceId);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Write<TFact>(ReadOnlySpan<TFact> facts, ICollection<int> conflicts)
        where TFact : class, IFact
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("This write session is committed; begin a new one.");
        }

        if (!_writers.TryGetValue(typeof(TFact), out var writer))
        {
            writer = typeof(TFact) == typeof(EventFact)
                ? new EventWriter(_db, _workspaceId, _batch, _eventKey, SkipEventViewsForBench ? null : _views!.Events)
                : new TableWriter<TFact>(_db, _workspaceId, _batch);
            _writers.Add(typeof(TFact), writer);
        }

        if (writer is EventWriter events)
        {
            events.Write(facts, conflicts);
        }
        else
        {
            _views!.Lifecycles.Written(facts);
            ((TableWriter<TFact>)writer).Write(facts, conflicts);
        }
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            return;
        }

        foreach (var writer in _writers.Values)
        {
            writer.Complete();
        }

        FinalizeWriters();
        _views!.Commit(_batch);
        NativeSql.Exec(_db, "COMMIT");
        _committed = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            FinalizeWriters();
            // SQLite may already have rolled back by itself after some errors (e.g. disk full).
            if (!_committed && raw.sqlite3_get_autocommit(_db) == 0)
            {
                NativeSql.Exec(_db, "ROLLBACK");
            }
        }
        finally
        {
            _views?.Dispose();
            // Closing also ends a transaction still open (SQLite rolls it back).
            _db.Dispose();
        }
    }

    private void FinalizeWriters()
    {
        foreach (var writer in _writers.Values)
        {
            writer.Dispose();
        }

        _writers.Clear();
    }
}
