using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Import;

namespace Northstar.Testing;

/// <summary>
/// A real, simple <see cref="IFactStore"/> in memory, for tests of code that writes facts (the
/// importer): the whole contract (per-workspace isolation, replace by natural key, in-session
/// conflicts, nothing visible before commit, rollback on dispose, timestamps kept in UTC).
/// It passes the same contract suite as the database backends. Its derived views are
/// <see cref="DerivedViewBuilder"/>'s, computed from the stored facts on every read. Thread-safe.
/// </summary>
public sealed partial class InMemoryFactStore : IFactStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Workspace> _workspaces = new(StringComparer.Ordinal);
    private readonly Dictionary<(long Workspace, FactKind Kind), SortedDictionary<string, IFact>> _facts = [];
    private readonly Dictionary<long, IReadOnlyList<ChannelRule>> _rules = [];
    private readonly Dictionary<long, long> _versions = [];

    /// <summary>How many sessions were committed (a test can tell "nothing written" from "written nothing").</summary>
    public int Commits { get; private set; }

    public Workspace GetOrCreateWorkspace(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_lock)
        {
            if (!_workspaces.TryGetValue(name, out var workspace))
            {
                workspace = new Workspace(_workspaces.Count + 1, name);
                _workspaces.Add(name, workspace);
            }

            return workspace;
        }
    }

    /// <summary>Sets a workspace's time zone (the SQLite store keeps it in its workspaces table).</summary>
    public Workspace SetTimeZone(string name, string timeZone)
    {
        lock (_lock)
        {
            var workspace = GetOrCreateWorkspace(name) with { TimeZone = timeZone };
            _workspaces[name] = workspace;
            return workspace;
        }
    }

    public Workspace? FindWorkspace(string name)
    {
        lock (_lock)
        {
            return _workspaces.GetValueOrDefault(name);
        }
    }

    public IReadOnlyList<Workspace> ListWorkspaces()
    {
        lock (_lock)
        {
            return [.. _workspaces.Values.OrderBy(w => w.Name, StringComparer.Ordinal)];
        }
    }

    public IFactWriteSession BeginWrite(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new InMemoryWriteSession(this, workspace.Id);
    }

    public IEnumerable<TFact> Read<TFact>(Workspace workspace)
        where TFact : class, IFact
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return _facts.TryGetValue((workspace.Id, FactKinds.Of<TFact>()), out var facts)
                ? [.. facts.Values.Cast<TFact>()]
                : [];
        }
    }

    public FactSummary Summarize(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return new FactSummary([.. Enum.GetValues<FactKind>().Select(kind => SummarizeKind(workspace.Id, kind))]);
        }
    }

    public void ClearFacts(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            foreach (var key in _facts.Keys.Where(k => k.Workspace == workspace.Id).ToList())
            {
                _facts.Remove(key);
            }

            _versions[workspace.Id] = _versions.GetValueOrDefault(workspace.Id) + 1;
        }
    }

    public IReadOnlyList<EventRollupRow> ReadEventRollup(Workspace workspace, DateRange range, IReadOnlyCollection<EventType>? types = null) =>
        Views(workspace).ReadEventRollup(range, types);

    public long CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, DateRange range)
    {
        DistinctActorTypes.Check(types);
        return Views(workspace).CountDistinctActors(types, range);
    }

    public IReadOnlyList<ContactLifecycle> ReadLifecycles(Workspace workspace) => Views(workspace).Lifecycles;

    public IReadOnlyList<IdentityLink> ReadIdentities(Workspace workspace) => Views(workspace).Identities;

    public IReadOnlyList<StageRollupRow> ReadStageRollup(Workspace workspace, DateRange range, IReadOnlyCollection<ContactMoment>? moments = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var timeZone = FindWorkspace(workspace.Name)?.TimeZone ?? workspace.TimeZone;
        return StageRollup.From(Views(workspace).Lifecycles, timeZone, range, moments);
    }

    public IReadOnlyList<StageCountRow> ReadStageCounts(Workspace workspace, DateRange range, ContactMoment moment, string? dimension) =>
        StageRollup.Counts(ReadStageRollup(workspace, range, [moment]), dimension);

    public long DataVersion(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return _versions.GetValueOrDefault(workspace.Id);
        }
    }

    /// <summary>The reference views over the workspace's stored facts (in its time zone as this store knows it).</summary>
    public DerivedViewSet Views(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var timeZone = FindWorkspace(workspace.Name)?.TimeZone ?? workspace.TimeZone;
        return DerivedViewBuilder.Build(timeZone, Read<EventFact>(workspace), Read<Contact>(workspace), Read<StageChange>(workspace), Read<Account>(workspace));
    }

    public IReadOnlyList<ChannelRule> GetChannelRules(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return _rules.GetValueOrDefault(workspace.Id) ?? [];
        }
    }

    public void SetChannelRules(Workspace workspace, IReadOnlyList<ChannelRule> rules)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            _rules[workspace.Id] = [.. rules];
        }
    }

    public void Dispose()
    {
    }

    /// <summary>Applies a committed session's facts, each replacing the stored fact of its key.</summary>
    internal void Apply(long workspaceId, Dictionary<FactKind, Dictionary<string, IFact>> pending)
    {
        lock (_lock)
        {
            foreach (var (kind, facts) in pending)
            {
                if (!_facts.TryGetValue((workspaceId, kind), out var stored))
                {
                    stored = new SortedDictionary<string, IFact>(StringComparer.Ordinal);
                    _facts[(workspaceId, kind)] = stored;
                }

                foreach (var (key, fact) in facts)
                {
                    stored[key] = fact;
                }
            }

            Commits++;
            _versions[workspaceId] = _versions.GetValueOrDefault(workspaceId) + 1;
        }
    }

    private FactKindSummary SummarizeKind(long workspaceId, FactKind kind)
    {
        if (!_facts.TryGetValue((workspaceId, kind), out var facts) || facts.Count == 0)
        {
            return new FactKindSummary(kind, 0, null, null);
        }

        var times = facts.Values.Select(MainTimestamp).OfType<DateTimeOffset>().ToList();
        return new FactKindSummary(kind, facts.Count, times.Count == 0 ? null : times.Min(), times.Count == 0 ? null : times.Max());
    }

    private static DateTimeOffset? MainTimestamp(IFact fact) => fact switch
    {
        EventFact e => e.Timestamp,
        Contact c => c.CreatedAt,
        StageChange s => s.EnteredAt,
        Account a => a.CreatedAt,
        Deal d => d.CreatedAt,
        Spend s => Midnight(s.Date),
        Subscription s => s.StartedAt,
        SurveyAnswer s => s.AnsweredAt,
        SeriesPoint s => Midnight(s.Date),
        Activity a => a.Timestamp,
        _ => null,
    };

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
