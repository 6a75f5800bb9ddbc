using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Tests.Export;

public class StoreFactSinkTests
{
    [Fact]
    public void Complete_MixedKinds_WritesBatchesOfTheSizeAndCommitsOnce()
    {
        var store = new RecordingStore();
        using (var sink = new StoreFactSink(store, store.GetOrCreateWorkspace("demo"), batchSize: 2))
        {
            for (var i = 0; i < 5; i++)
            {
                sink.Add(new Account { AccountId = $"a{i}" });
            }

            sink.Add(new StageChange { ContactId = "c1", Stage = Stage.Mql, EnteredAt = DateTimeOffset.UnixEpoch });
            Assert.Equal(0, store.Session!.Commits);
            sink.Complete();
        }

        // Full batches go out as they fill; the rest at completion, in FactKind order (stages before accounts).
        Assert.Equal(["Account:2", "Account:2", "StageChange:1", "Account:1"], store.Session.Batches);
        Assert.Equal(1, store.Session.Commits);
        Assert.True(store.Session.Disposed);
    }

    [Fact]
    public void Dispose_WithoutComplete_NeverCommits()
    {
        var store = new RecordingStore();
        using (var sink = new StoreFactSink(store, store.GetOrCreateWorkspace("demo")))
        {
            sink.Add(new Account { AccountId = "a1" });
        }

        Assert.Equal(0, store.Session!.Commits);
        Assert.Empty(store.Session.Batches);
    }

    /// <summary>A store that only records what the sink asks of its write session.</summary>
    private sealed class RecordingStore : IFactStore
    {
        public RecordingSession? Session { get; private set; }

        public Workspace GetOrCreateWorkspace(string name) => new(1, name);

        public Workspace? FindWorkspace(string name) => null;

        public IReadOnlyList<Workspace> ListWorkspaces() => [];

        public IFactWriteSession BeginWrite(Workspace workspace) => Session = new RecordingSession();

        public IEnumerable<TFact> Read<TFact>(Workspace workspace)
            where TFact : class, IFact => [];

        public FactSummary Summarize(Workspace workspace) => new([]);

        public void ClearFacts(Workspace workspace) => throw new NotSupportedException("a sink never deletes");

        public IReadOnlyList<ChannelRule> GetChannelRules(Workspace workspace) => [];

        public void SetChannelRules(Workspace workspace, IReadOnlyList<ChannelRule> rules)
        {
        }

        public IReadOnlyList<EventRollupRow> ReadEventRollup(Workspace workspace, DateRange range, IReadOnlyCollection<EventType>? types = null) => [];

        public long CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, DateRange range) => 0;

        public IReadOnlyList<ContactLifecycle> ReadLifecycles(Workspace workspace) => [];

        public IReadOnlyList<IdentityLink> ReadIdentities(Workspace workspace) => [];

        public long DataVersion(Workspace workspace) => 0;

        public void Dispose()
        {
        }
    }

    private sealed class RecordingSession : IFactWriteSession
    {
        public List<string> Batches { get; } = [];
        public int Commits { get; private set; }
        public bool Disposed { get; private set; }

        public void Write<TFact>(ReadOnlySpan<TFact> facts, ICollection<int> conflicts)
            where TFact : class, IFact => Batches.Add($"{typeof(TFact).Name}:{facts.Length}");

        public void Commit() => Commits++;

        public void Dispose() => Disposed = true;
    }
}
