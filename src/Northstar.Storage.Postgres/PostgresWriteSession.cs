using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Postgres.Sql;
using Northstar.Storage.Postgres.Tables;
using Npgsql;
using NpgsqlTypes;

namespace Northstar.Storage.Postgres;

/// <summary>
/// One transaction on a connection of its own. Each <see cref="Write{TFact}"/> is one binary
/// COPY into a temporary staging table per kind (dropped at commit or rollback); the staged
/// rows reach the fact tables and the derived views at <see cref="Commit"/>, in set-based SQL
/// (<see cref="StagedApply"/>). Events into a workspace without events (a first import) are
/// copied straight into the event table instead, and their views at commit from what
/// <see cref="EventDeltas"/> gathered. A transaction-level advisory lock on the workspace makes
/// two sessions of one workspace take turns, as SQLite's write lock does.
/// </summary>
/// <remarks>
/// The keys written in this session are remembered as 64-bit hashes (<see cref="KeyHash"/>,
/// 8 bytes a row, not the keys): a hash seen before is checked against the staged row, read
/// back by hash, so the in-session conflict rule of <see cref="IFactWriteSession"/> is exact.
/// </remarks>
internal sealed class PostgresWriteSession : IFactWriteSession
{
    /// <summary>The advisory lock class of write sessions ("NS"); the workspace id is the object.</summary>
    internal const int LockClass = 0x4E53;

    private readonly PostgresFactStore _store;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly Workspace _workspace;
    private readonly long _workspaceId;
    private readonly LocalDays _days;
    private readonly Dictionary<FactKind, HashSet<long>> _keys = [];

    /// <summary>The views' share of the events written, gathered as they are copied.</summary>
    private readonly EventDeltas _deltas = new();

    /// <summary>Set when the workspace had no events at the start (the lock keeps it so): events are copied straight into their table.</summary>
    private readonly bool _fresh;

    /// <summary>Facts handed to <see cref="Write{TFact}"/>: a large session keeps the stage rollup at commit.</summary>
    private long _written;
    private bool _committed;
    private bool _disposed;
    private bool _broken;

    public PostgresWriteSession(PostgresFactStore store, Workspace workspace)
    {
        _store = store;
        _workspace = workspace;
        _workspaceId = workspace.Id;
        _connection = store.OpenConnection();
        try
        {
            // Sorting and staging a large import in memory instead of in temp files (both take effect
            // only as used; temp_buffers only before the connection's first temporary table).
            Db.Exec(_connection, "SET temp_buffers = '256MB'");
            _transaction = _connection.BeginTransaction();
            Db.Exec(_connection, "SET LOCAL work_mem = '256MB'");
            // Waits as long as another session of the workspace runs (an import may take minutes): not a lost connection.
            using (var wait = Db.Command(_connection, $"SELECT pg_advisory_xact_lock({LockClass}, $1)", (int)workspace.Id))
            {
                wait.CommandTimeout = 0;
                wait.ExecuteNonQuery();
            }

            var zone = Db.Scalar(_connection, "SELECT time_zone FROM workspaces WHERE id = $1", workspace.Id) as string
                ?? throw new ArgumentException($"Workspace '{workspace.Name}' (id {workspace.Id}) is not in this store.", nameof(workspace));
            _days = new LocalDays(zone);
            _fresh = Db.Scalar(_connection, "SELECT EXISTS (SELECT 1 FROM events WHERE workspace_id = $1)", workspace.Id) is false;
        }
        catch
        {
            _connection.Dispose();
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

        ThrowIfBroken();
        try
        {
            WriteStaged(FactTables.Of<TFact>(), facts, conflicts);
            _written += facts.Length;
        }
        catch (Exception e) when (Transient.Is(e))
        {
            throw Lost(e);
        }
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            return;
        }

        ThrowIfBroken();
        try
        {
            var apply = new StagedApply(_connection, _workspaceId);
            foreach (var table in FactTables.All.Where(t => _keys.ContainsKey(t.Kind)))
            {
                if (table.Kind == FactKind.Events && _fresh)
                {
                    _deltas.Write(_connection, _workspaceId, prefix: "");
                }
                else
                {
                    apply.Apply(table, _deltas);
                }
            }

            Db.Exec(_connection, "UPDATE workspaces SET data_version = nextval('data_versions') WHERE id = $1", _workspaceId);
            _transaction.Commit();
            _committed = true;
        }
        catch (Exception e) when (Transient.Is(e))
        {
            throw Lost(e);
        }

        // After the commit is recorded, on pooled connections: an import or the demo leaves the rollup
        // of its version ready for the next process; tracking's small batches leave it to the first reader.
        if (_written >= _store.KeepStageRollupAtFacts)
        {
            _store.KeepStageRollupAfterCommit(_workspace);
        }
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
            if (!_committed && !_broken)
            {
                _transaction.Rollback();
            }
        }
        catch (Exception e) when (Transient.Is(e))
        {
            // The server is gone: so is the transaction, and nothing of it was kept.
        }
        finally
        {
            _transaction.Dispose();
            _connection.Dispose();
        }
    }

    private void WriteStaged<TFact>(FactTable<TFact> table, ReadOnlySpan<TFact> facts, ICollection<int> conflicts)
        where TFact : class, IFact
    {
        var direct = table.Kind == FactKind.Events && _fresh;
        if (!_keys.TryGetValue(table.Kind, out var seen))
        {
            if (!direct)
            {
                Db.Exec(_connection, $"CREATE TEMP TABLE {table.StagingName} ON COMMIT DROP AS SELECT 0::bigint AS kh, {string.Join(", ", table.Columns)} FROM {table.Name} WITH NO DATA");
            }

            seen = [];
            _keys.Add(table.Kind, seen);
        }

        var hashes = new long[facts.Length];
        HashSet<long>? repeated = null;
        for (var i = 0; i < facts.Length; i++)
        {
            hashes[i] = KeyHash.Of(facts[i].NaturalKey);
            if (!seen.Add(hashes[i]))
            {
                (repeated ??= []).Add(hashes[i]);
            }
        }

        var skip = repeated is null ? null : Repeats(table, facts, hashes, repeated, conflicts, direct);
        var target = direct ? $"{table.Name} (workspace_id, " : $"{table.StagingName} (kh, ";
        using var copy = _connection.BeginBinaryImport($"COPY {target}{string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)");
        copy.Timeout = TimeSpan.Zero;
        for (var i = 0; i < facts.Length; i++)
        {
            if (skip is null || !skip[i])
            {
                copy.StartRow();
                copy.Write(direct ? _workspaceId : hashes[i], NpgsqlDbType.Bigint);
                table.Write(copy, facts[i], _days);
                if (facts[i] is EventFact e)
                {
                    _deltas.Add(e, _days.DayOf(e.Timestamp));
                }
            }
        }

        copy.Complete();
    }

    /// <summary>
    /// Which rows of the batch repeat a key this session already holds (the first one stays):
    /// those not to stage. A repeat with other values is a conflict (index reported).
    /// </summary>
    private bool[] Repeats<TFact>(FactTable<TFact> table, ReadOnlySpan<TFact> facts, long[] hashes, HashSet<long> repeated, ICollection<int> conflicts, bool direct)
        where TFact : class, IFact
    {
        var known = new Dictionary<string, TFact>(StringComparer.Ordinal);
        var columns = string.Join(", ", table.FactColumns);
        List<TFact> staged;
        if (direct)
        {
            // Copied straight into the event table (empty before this session): look the ids up by key.
            var ids = new List<string>();
            for (var i = 0; i < facts.Length; i++)
            {
                if (repeated.Contains(hashes[i]))
                {
                    ids.Add(facts[i].NaturalKey);
                }
            }

            staged = Db.Query(_connection, $"SELECT {columns} FROM {table.Name} WHERE workspace_id = $1 AND id = ANY($2)", table.Read, _workspaceId, ids.ToArray());
        }
        else
        {
            staged = Db.Query(_connection, $"SELECT {columns} FROM {table.StagingName} WHERE kh = ANY($1)", table.Read, repeated.ToArray());
        }

        foreach (var fact in staged)
        {
            known[fact.NaturalKey] = fact;
        }

        var skip = new bool[facts.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            if (!repeated.Contains(hashes[i]))
            {
                continue;
            }

            var fact = table.Normalize(facts[i]);
            if (known.TryGetValue(fact.NaturalKey, out var first))
            {
                skip[i] = true;
                if (!fact.Equals(first))
                {
                    conflicts.Add(i);
                }
            }
            else
            {
                known.Add(fact.NaturalKey, fact);
            }
        }

        return skip;
    }

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new StoreTransientException(
                $"The connection to the PostgreSQL server at {_store.Server} was lost during this write session; nothing of it was kept; begin a new one.");
        }
    }

    private StoreTransientException Lost(Exception e)
    {
        _broken = true;
        _store.ClearPool();
        return Transient.Wrap(e, _store.Server, write: true);
    }
}
