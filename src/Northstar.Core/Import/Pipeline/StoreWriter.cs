using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Import.Pipeline;

/// <summary>
/// The store side of an import: a thread that owns one write session and writes the batches
/// the parser hands over through a bounded queue (two batches in flight), so parsing and
/// storing each get a core. It commits only when told the file may be committed and (unless
/// bad rows are skipped) the session reported no duplicate key.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly BlockingCollection<FactBatch> _queue = new(boundedCapacity: 2);
    private readonly CancellationTokenSource _failed = new();
    private readonly IFactStore _store;
    private readonly Workspace _workspace;
    private readonly bool _skipBadRows;
    private readonly Thread _thread;
    private Exception? _failure;
    private volatile bool _commitAllowed;

    public StoreWriter(IFactStore store, Workspace workspace, bool skipBadRows)
    {
        (_store, _workspace, _skipBadRows) = (store, workspace, skipBadRows);
        _thread = new Thread(Run) { IsBackground = true, Name = "northstar-import-writer" };
        _thread.Start();
    }

    /// <summary>Facts the session refused: the line they came from and their key.</summary>
    public List<(int Line, string Key)> Conflicts { get; } = [];

    public bool Committed { get; private set; }

    public void Send(FactBatch batch)
    {
        try
        {
            _queue.Add(batch, _failed.Token);
        }
        catch (OperationCanceledException)
        {
            RethrowFailure();
            throw;
        }
    }

    /// <summary>Waits for every batch to be written, then commits if allowed; rethrows a store failure.</summary>
    public void Finish(bool commitAllowed)
    {
        _commitAllowed = commitAllowed;
        _queue.CompleteAdding();
        _thread.Join();
        RethrowFailure();
    }

    /// <summary>Ends the session without committing (cancellation, a failure on the parsing side).</summary>
    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _commitAllowed = false;
            _queue.CompleteAdding();
        }

        _thread.Join();
        _queue.Dispose();
        _failed.Dispose();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run()
    {
        try
        {
            using var session = _store.BeginWrite(_workspace);
            var scratch = new List<int>();
            foreach (var batch in _queue.GetConsumingEnumerable())
            {
                batch.WriteTo(session, scratch, (line, key) => Conflicts.Add((line, key)));
            }

            if (_commitAllowed && (_skipBadRows || Conflicts.Count == 0))
            {
                session.Commit();
                Committed = true;
            }
        }
        catch (Exception ex)
        {
            _failure = ex;
            _failed.Cancel();
        }
    }

    private void RethrowFailure()
    {
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Capture(_failure).Throw();
        }
    }
}
