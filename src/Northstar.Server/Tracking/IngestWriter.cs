using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;

namespace Northstar.Server.Tracking;

/// <summary>
/// Durable ingest in two steps. Group commit: one writer thread takes every pending request,
/// appends them to the <see cref="TrackingJournal"/> in one transaction, commits, then answers
/// all of them; a request never sees 200 before its commit. Merge: another thread takes the
/// journal's oldest entries (many requests, up to <see cref="MaxMergeBytes"/>), maps their calls
/// in order and writes each workspace's facts into the store in one write session, then removes
/// those entries; events show in the store within a merge of their 200. A failed journal write
/// fails that group's requests (503); a failed merge is retried (the entries stay). Stopping
/// drains both; entries left by a crash are merged at the next start.
/// </summary>
internal sealed partial class IngestWriter : IHostedService, IDisposable
{
    /// <summary>Most requests one journal commit takes.</summary>
    private const int MaxRequestsPerCommit = 1024;

    /// <summary>Request bodies one merge takes at most (about 50,000 events): large merges amortise the store's per-commit cost.</summary>
    private const long MaxMergeBytes = 16L * 1024 * 1024;

    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(16_384) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly IFactStore _store;
    private readonly ICustomKpiStore _settings;
    private readonly TrackingOptions _options;
    private readonly ILogger<IngestWriter> _logger;
    private readonly TrackingJournal _journal;
    private readonly SegmentParser _parser;
    private readonly Dictionary<long, WorkspaceIngest> _workspaces = [];
    private readonly SemaphoreSlim _mergeSignal = new(0);
    private long _appended;
    private long _merged;
    private volatile bool _stopping;
    private Task? _writerLoop;
    private Task? _mergeLoop;

    public IngestWriter(IFactStore store, ICustomKpiStore settings, ServerOptions server, Storage.StoreLocation location, ILogger<IngestWriter> logger)
    {
        _store = store;
        _settings = settings;
        _options = server.Tracking;
        _logger = logger;
        _parser = new SegmentParser(server.Tracking);
        _journal = new TrackingJournal(location.LocalFileBase(server.JournalDirectory ?? Environment.CurrentDirectory));
        // Entries a crash left behind count as appended: the first merges take them.
        _appended = _journal.Count();
    }

    /// <summary>Journals one accepted request; completes when it is durable (or throws when the write failed).</summary>
    public async Task WriteAsync(JournalEntry entry, CancellationToken cancel)
    {
        var pending = new PendingWrite(entry);
        await _queue.Writer.WriteAsync(pending, cancel).ConfigureAwait(false);
        // Not cancelled by the caller: once queued the write happens; the answer just may not be read.
        await pending.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Requests journaled but not yet merged into the store.</summary>
    public long Backlog => Interlocked.Read(ref _appended) - Interlocked.Read(ref _merged);

    /// <summary>Completes when everything journaled before the call is in the store (tests, shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancel = default)
    {
        while (_queue.Reader.Count > 0)
        {
            await Task.Delay(2, cancel).ConfigureAwait(false);
        }

        var target = Interlocked.Read(ref _appended);
        _mergeSignal.Release();
        while (Interlocked.Read(ref _merged) < target)
        {
            await Task.Delay(2, cancel).ConfigureAwait(false);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writerLoop = Task.Factory.StartNew(RunWriter, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _mergeLoop = Task.Factory.StartNew(RunMerger, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _mergeSignal.Release();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_writerLoop is not null)
        {
            await _writerLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _stopping = true;
        _mergeSignal.Release();
        if (_mergeLoop is not null)
        {
            await _mergeLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _journal.Dispose();
        _mergeSignal.Dispose();
    }

    private void RunWriter()
    {
        var group = new List<PendingWrite>(MaxRequestsPerCommit);
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (group.Count < MaxRequestsPerCommit && reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            try
            {
                _journal.Append([.. group.Select(p => p.Entry)]);
                Interlocked.Add(ref _appended, group.Count);
                group.ForEach(p => p.Done.TrySetResult());
                _mergeSignal.Release();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogJournalFailed(_logger, e, group.Count);
                var failure = new StoreUnavailableException("The events could not be stored: " + e.Message, e);
                group.ForEach(p => p.Done.TrySetException(failure));
            }

            group.Clear();
        }
    }

    private void RunMerger()
    {
        while (true)
        {
            _mergeSignal.Wait(TimeSpan.FromSeconds(1));
            var stopping = _stopping;
            while (MergeOnce())
            {
            }

            if (stopping)
            {
                return;
            }
        }
    }

    /// <summary>Merges the oldest journal entries into the store; false when there were none (or the merge failed).</summary>
    private bool MergeOnce()
    {
        List<(long Seq, JournalEntry Entry)> entries;
        try
        {
            entries = _journal.ReadOldest(MaxMergeBytes);
            if (entries.Count == 0)
            {
                return false;
            }

            foreach (var byWorkspace in entries.GroupBy(e => e.Entry.WorkspaceId))
            {
                if (!_workspaces.TryGetValue(byWorkspace.Key, out var ingest))
                {
                    // Only a workspace this merge thread has not met yet is looked up (workspaces are never deleted).
                    if (_store.ListWorkspaces().FirstOrDefault(w => w.Id == byWorkspace.Key) is not { } workspace)
                    {
                        LogWorkspaceGone(_logger, byWorkspace.Key, byWorkspace.Count());
                        continue;
                    }

                    ingest = new WorkspaceIngest(_store, _settings, workspace, _options);
                    _workspaces.Add(workspace.Id, ingest);
                }

                var messages = byWorkspace.SelectMany(e => _parser.Parse(e.Entry.Body, e.Entry.Call, e.Entry.ReceivedAt).Messages).ToList();
                Merge(ingest, messages);
            }

            _journal.RemoveThrough(entries[^1].Seq);
            Interlocked.Add(ref _merged, entries.Count);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The entries stay in the journal and are merged again; the in-memory state may be ahead of the store.
            _workspaces.Clear();
            LogMergeFailed(_logger, e);
            Thread.Sleep(TimeSpan.FromSeconds(1));
            return false;
        }
    }

    private void Merge(WorkspaceIngest ingest, List<SegmentMessage> messages)
    {
        var facts = new MappedFacts();
        ingest.Prepare(messages);
        ingest.Map(messages, facts);
        var conflicts = new List<int>();
        using (var session = _store.BeginWrite(ingest.Workspace))
        {
            // A key twice in one merge (a retried request) keeps the first, as the mapping did.
            session.Write<Core.Facts.Account>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts.Accounts), conflicts);
            session.Write<Core.Facts.Contact>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts.Contacts), conflicts);
            session.Write<Core.Facts.EventFact>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts.Events), conflicts);
            session.Commit();
        }

        ingest.Committed();
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "Tracking journal write failed; {Requests} requests answered 503")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception, int requests);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Merging tracked events into the store failed; retrying in a second")]
    private static partial void LogMergeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Workspace {WorkspaceId} no longer exists; {Requests} journaled requests for it dropped")]
    private static partial void LogWorkspaceGone(ILogger logger, long workspaceId, int requests);

    private sealed record PendingWrite(JournalEntry Entry)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
