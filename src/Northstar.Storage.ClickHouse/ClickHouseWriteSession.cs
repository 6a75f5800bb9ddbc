using System.Globalization;
using System.Runtime.ExceptionServices;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.ClickHouse.Client;
using Northstar.Storage.ClickHouse.Facts;
using Northstar.Storage.ClickHouse.Schema;

namespace Northstar.Storage.ClickHouse;

/// <summary>
/// One write into one workspace: rows are staged in unsorted MergeTree tables of the session's own (one per
/// kind and shard, on the shard the row belongs to) and moved into the fact tables at
/// <see cref="Commit"/> (see <see cref="ClickHouseFactStore"/>'s remarks for what a crash during
/// it leaves). The in-session conflict rule is kept here: per kind, the 64-bit hash of every
/// natural key written with the hash of its stored values (about 40 bytes a fact in memory).
/// Two different keys with the same 64-bit hash (about 1 in 10^9 at 200M keys) would be taken
/// for one.
/// </summary>
internal sealed class ClickHouseWriteSession : IFactWriteSession
{
    /// <summary>Staged rows are sent once a shard's buffer of one kind holds this many bytes.</summary>
    private const int FlushBytes = 16 << 20;

    /// <summary>How many months of a first import's table move at once (each holds one part writer on the server).</summary>
    private const int FreshMovesAtOnce = 2;

    private readonly ClickHouseFactStore _store;
    private readonly Workspace _workspace;
    private readonly LocalDays _days;
    private readonly string _id = Guid.NewGuid().ToString("N")[..16];
    private readonly Dictionary<ulong, ulong>?[] _seen = new Dictionary<ulong, ulong>?[FactTables.All.Count];
    private readonly RowBinaryWriter?[,] _buffers;
    private readonly bool[,] _staged;
    private readonly RowBinaryWriter _values = new(4096);
    private readonly ulong _version;
    private Task<RowBinaryWriter>? _pending;
    private RowBinaryWriter? _spare;
    private bool _committed;

    public ClickHouseWriteSession(ClickHouseFactStore store, Workspace workspace)
    {
        _store = store;
        _workspace = workspace;
        _days = new LocalDays(workspace.TimeZone);
        _buffers = new RowBinaryWriter?[store.Shards.Count, FactTables.All.Count];
        _staged = new bool[store.Shards.Count, FactTables.All.Count];
        _version = store.NextVersion();
    }

    public void Write<TFact>(ReadOnlySpan<TFact> facts, ICollection<int> conflicts)
        where TFact : class, IFact
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        ObjectDisposedException.ThrowIf(_committed, this);
        var table = FactTables.For<TFact>();
        var kind = (int)table.Kind;
        var seen = _seen[kind] ??= [];
        for (var i = 0; i < facts.Length; i++)
        {
            var fact = facts[i];
            var key = fact.NaturalKey;
            var keyHash = RowHash.OfKey(key);
            _values.Clear();
            table.WriteValues(_values, fact);
            var rowHash = RowHash.Of(_values.Written.Span);
            if (seen.TryGetValue(keyHash, out var earlier))
            {
                if (earlier != rowHash)
                {
                    conflicts.Add(i);
                }

                continue;
            }

            seen.Add(keyHash, rowHash);
            var shard = _store.ShardOf(keyHash);
            var w = _buffers[shard, kind] ??= new RowBinaryWriter(1 << 20);
            w.UInt64((ulong)_workspace.Id);
            w.Date(table.Day(fact, _days));
            w.String(key);
            w.UInt64(_version);
            w.Int8(1);
            w.UInt64(rowHash);
            Values.Instant(w, table.MainTime(fact));
            w.Raw(_values.Written.Span);
            if (w.Length >= FlushBytes)
            {
                Flush(shard, table);
            }
        }
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var version = _version;
        var any = false;
        foreach (var table in FactTables.All)
        {
            for (var shard = 0; shard < _store.Shards.Count; shard++)
            {
                Flush(shard, table);
            }
        }

        WaitForPending();

        // A table holding no row of the workspace (a first import) has nothing to cancel or
        // compare with: its staged rows go in whole, without building the key sets.
        var fresh = new bool[_store.Shards.Count, FactTables.All.Count];
        foreach (var (shard, table) in Staged())
        {
            fresh[shard, (int)table.Kind] = _store.Shards[shard].QueryValue(Moves.AnyRow(table, _workspace.Id)) == "0";
        }

        // The firsts of a first import into a shard come from its stage alone: computed while the
        // moves run (a move sorts its rows on one server thread), written before the commit is
        // recorded. A failed commit may leave them ahead of its events; the next import of the
        // same rows recomputes its actors and heals that with the events.
        var events = (int)FactKind.Events;
        var fromStage = Staged().Where(s => (int)s.Table.Kind == events && fresh[s.Shard, events])
            .Select(s => Task.Run(() => ActorFirsts.Recompute(_store.Shards[s.Shard], _workspace.Id, StageName(s.Table), actors: null, _store.NextVersion())))
            .ToList();

        var months = Staged().ToDictionary(s => s, s => _store.Shards[s.Shard].Query(Moves.Months(StageName(s.Table)), r => (Month: (int)r.UInt32(), Rows: r.UInt64())).ToList());
        var bucketRows = _store.MoveBucketRows;

        // Key buckets of each whole stage (the cancellations, the shared-key check and the actors
        // compare a stage's keys with the stored ones; the inserts go by month and bucket).
        var keyBuckets = months.ToDictionary(p => p.Key, p => Moves.Buckets((ulong)p.Value.Sum(m => (long)m.Rows), bucketRows));

        // The actors whose firsts this commit changes are collected before the move (a replaced
        // row's actors are gone from the events after it), recomputed after it.
        // A commit that only adds events (no stored row shares a key with a staged one, as
        // tracking's) combines its firsts with the stored ones instead of reading the events.
        var adding = new bool[_store.Shards.Count];
        foreach (var (shard, table) in Staged().Where(s => (int)s.Table.Kind == events && !fresh[s.Shard, events]))
        {
            var client = _store.Shards[shard];
            var stage = StageName(table);
            var buckets = keyBuckets[(shard, table)];
            adding[shard] = Enumerable.Range(0, buckets).All(bucket => client.QueryValue(ActorFirsts.AnySharedKey(stage, _workspace.Id, buckets, bucket)) == "0");
            foreach (var sql in ActorFirsts.CollectActors(ActorsName, stage, _workspace.Id, buckets))
            {
                client.Execute(sql);
            }
        }

        // Cancellations of every kind and shard first, then the inserts: a crash in between
        // leaves replaced facts missing (healed by importing again), never doubled. The
        // materialized views take each INSERT's rows into the views within that INSERT.
        foreach (var (shard, table) in Staged().Where(s => !fresh[s.Shard, (int)s.Table.Kind]))
        {
            var buckets = keyBuckets[(shard, table)];
            for (var bucket = 0; bucket < buckets; bucket++)
            {
                _store.Shards[shard].Execute(Moves.CancelReplaced(table, _workspace.Id, StageName(table), buckets, bucket));
            }
        }

        foreach (var (shard, table) in Staged())
        {
            any = true;
            var client = _store.Shards[shard];
            var stage = StageName(table);
            if (fresh[shard, (int)table.Kind])
            {
                // Nothing to compare with: the months move two at a time (a move sorts and writes
                // on one server thread; the server has more). A failure surfaces as itself (a lost
                // server stays the retryable error), not wrapped.
                try
                {
                    Parallel.ForEach(
                        months[(shard, table)],
                        new ParallelOptions { MaxDegreeOfParallelism = FreshMovesAtOnce },
                        m => client.Execute(Moves.InsertAll(table, stage, version, m.Month)));
                }
                catch (AggregateException e)
                {
                    ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                }

                continue;
            }

            foreach (var (month, rows) in months[(shard, table)])
            {
                var buckets = Moves.Buckets(rows, bucketRows);
                for (var bucket = 0; bucket < buckets; bucket++)
                {
                    client.Execute(Moves.InsertStaged(table, _workspace.Id, stage, version, month, buckets, bucket));
                }
            }
        }

        fromStage.ForEach(t => t.GetAwaiter().GetResult());
        foreach (var (shard, table) in Staged().Where(s => (int)s.Table.Kind == events && !fresh[s.Shard, events]))
        {
            var firstsVersion = _store.NextVersion();
            if (adding[shard])
            {
                ActorFirsts.Combine(_store.Shards[shard], _workspace.Id, StageName(table), ActorsName, firstsVersion);
            }
            else
            {
                ActorFirsts.Recompute(_store.Shards[shard], _workspace.Id, ActorFirsts.LiveEventsOf(_workspace.Id, ActorsName), ActorsName, firstsVersion);
            }
        }

        if (any)
        {
            _store.RecordCommit(_workspace, _store.NextVersion());
        }

        _committed = true;
        DropStages();
        _store.AfterCommit(_workspace, _seen.Sum(s => s?.Count ?? 0));
    }

    public void Dispose()
    {
        if (!_committed)
        {
            _committed = true;
            try
            {
                try
                {
                    WaitForPending();
                }
                catch (ClickHouseException)
                {
                    // The failed insert was reported by the Write or Commit that threw; the stage goes anyway.
                }

                DropStages();
            }
            catch (StoreTransientException)
            {
                // The server is gone: its stage tables stay behind (named stage_*), invisible to reads.
            }
        }
    }

    private IEnumerable<(int Shard, FactTable Table)> Staged()
    {
        foreach (var table in FactTables.All)
        {
            for (var shard = 0; shard < _store.Shards.Count; shard++)
            {
                if (_staged[shard, (int)table.Kind])
                {
                    yield return (shard, table);
                }
            }
        }
    }

    private void Flush(int shard, FactTable table)
    {
        var kind = (int)table.Kind;
        if (_buffers[shard, kind] is not { Length: > 0 } w)
        {
            return;
        }

        var client = _store.Shards[shard];
        var stage = StageName(table);
        if (!_staged[shard, kind])
        {
            // Partitioned by month like the fact table but unsorted (the move sorts once): each month moves on its own.
            client.Execute($"CREATE TABLE IF NOT EXISTS {stage} AS {table.Name} ENGINE = MergeTree PARTITION BY toYYYYMM(day) ORDER BY tuple()");
            _staged[shard, kind] = true;
        }

        // One insert in flight while the caller encodes the next rows: the server's work and
        // the import's parsing overlap. Its failure surfaces at the next flush or at Commit.
        WaitForPending();
        _buffers[shard, kind] = _spare ?? new RowBinaryWriter(1 << 20);
        _spare = null;
        _pending = Task.Run(() =>
        {
            client.Insert(stage, table.AllColumns, w.Written);
            w.Clear();
            return w;
        });
    }

    private void WaitForPending()
    {
        if (_pending is { } pending)
        {
            _pending = null;
            _spare = pending.GetAwaiter().GetResult();
        }
    }

    private void DropStages()
    {
        foreach (var table in FactTables.All)
        {
            for (var shard = 0; shard < _store.Shards.Count; shard++)
            {
                if (_staged[shard, (int)table.Kind])
                {
                    _store.Shards[shard].Execute($"DROP TABLE IF EXISTS {StageName(table)}");
                    if (table.Kind == FactKind.Events)
                    {
                        _store.Shards[shard].Execute($"DROP TABLE IF EXISTS {ActorsName}");
                    }
                    _staged[shard, (int)table.Kind] = false;
                }
            }
        }
    }

    /// <summary>The actors a commit recomputes the firsts of (on each shard that needs it).</summary>
    private string ActorsName => $"stage_{_id}_actors";

    private string StageName(FactTable table) => string.Create(CultureInfo.InvariantCulture, $"stage_{_id}_{table.Name}");
}
