using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Server.Tracking;

/// <summary>
/// Group commit: one writer thread takes every pending request, maps their calls, writes each
/// workspace's facts in one write session and commits, then answers all of those requests. A
/// request is never answered before its commit, and one commit serves many requests (the store's
/// cost is per commit far more than per event). A failed write fails that group's requests
/// (500-class; nothing acknowledged is lost) and forgets the workspace's in-memory state.
/// Stopping drains the queue.
/// </summary>
internal sealed partial class IngestWriter(IFactStore store, ICustomKpiStore settings, TrackingOptions options, ILogger<IngestWriter> logger)
    : IHostedService, IDisposable
{
    /// <summary>Most requests one commit takes (bounded so a commit stays short under a flood).</summary>
    private const int MaxRequestsPerCommit = 1024;

    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(16_384) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Dictionary<long, WorkspaceIngest> _workspaces = [];
    private Task? _loop;

    /// <summary>Queues the calls and completes when they are committed (or throws when the write failed).</summary>
    public async Task WriteAsync(Workspace workspace, IReadOnlyList<SegmentMessage> messages, CancellationToken cancel)
    {
        var pending = new PendingWrite(workspace, messages);
        await _queue.Writer.WriteAsync(pending, cancel).ConfigureAwait(false);
        // Not cancelled by the caller: once queued the write happens; the answer just may not be read.
        await pending.Done.Task.ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private void Run()
    {
        var group = new List<PendingWrite>(MaxRequestsPerCommit);
        var facts = new MappedFacts();
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (group.Count < MaxRequestsPerCommit && reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            foreach (var byWorkspace in group.GroupBy(p => p.Workspace.Id))
            {
                Commit([.. byWorkspace], facts);
            }

            group.Clear();
        }
    }

    private void Commit(List<PendingWrite> requests, MappedFacts facts)
    {
        var workspace = requests[0].Workspace;
        try
        {
            if (!_workspaces.TryGetValue(workspace.Id, out var ingest))
            {
                ingest = new WorkspaceIngest(store, settings, workspace, options);
                _workspaces.Add(workspace.Id, ingest);
            }

            var messages = requests.SelectMany(r => r.Messages);
            ingest.Prepare(messages);
            facts.Clear();
            ingest.Map(messages, facts);
            var conflicts = new List<int>();
            using (var session = store.BeginWrite(workspace))
            {
                // Accounts and contacts first: a conflict (the same key twice in one commit) keeps the first, as the map did.
                session.Write<Core.Facts.Account>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts.Accounts), conflicts);
                session.Write<Core.Facts.Contact>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts.Contacts), conflicts);
                session.Write<Core.Facts.EventFact>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts.Events), conflicts);
                session.Commit();
            }

            ingest.Committed();

            foreach (var request in requests)
            {
                request.Done.TrySetResult();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _workspaces.Remove(workspace.Id);
            LogWriteFailed(logger, e, workspace.Name, requests.Count);
            foreach (var request in requests)
            {
                request.Done.TrySetException(new StoreUnavailableException("The events could not be stored: " + e.Message, e));
            }
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "Tracking write into workspace {Workspace} failed; {Requests} requests answered 503")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string workspace, int requests);

    private sealed record PendingWrite(Workspace Workspace, IReadOnlyList<SegmentMessage> Messages)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
