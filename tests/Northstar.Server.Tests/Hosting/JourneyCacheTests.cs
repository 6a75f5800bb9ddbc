using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Server.Hosting;
using Northstar.Server.Tests.Dashboard;
using Northstar.Storage.Sqlite;
using Northstar.Testing;

namespace Northstar.Server.Tests.Hosting;

/// <summary>The journeys <see cref="WorkspaceEngines.Journeys"/> keeps: by the options' content, the last <see cref="WorkspaceEngines.MaxJourneyEntries"/> used.</summary>
public sealed class JourneyCacheTests : IDisposable
{
    private static readonly DateRange September = new(new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 1));

    private readonly TempDirectory _dir = new();
    private readonly SqliteFactStore _store;
    private readonly WorkspaceEngines _engines;

    public JourneyCacheTests()
    {
        var path = _dir.File("tiny.db");
        DashboardStore.Write(path, demo: false);
        _store = SqliteFactStore.Open(path);
        _engines = new WorkspaceEngines(_store, _store, new ManualClock(DashboardStore.Now));
    }

    [Fact]
    public void EqualOptions_WithTheirOwnSets_AreOneEntry()
    {
        var tiny = _store.FindWorkspace("tiny")!;
        var first = Options(ConversionGoal.Won, September, new HashSet<EventType> { EventType.SessionStart, EventType.AdClick });
        var second = Options(ConversionGoal.Won, September, new HashSet<EventType> { EventType.AdClick, EventType.SessionStart });

        var kept = _engines.Journeys(tiny, [first]);

        Assert.NotEqual(first, second); // the record compares its sets by reference
        Assert.Equal(WorkspaceEngines.Describe([first]), WorkspaceEngines.Describe([second]));
        Assert.Same(kept, _engines.Journeys(tiny, [second]));
        Assert.Equal(1, _engines.JourneyBuilds);
    }

    [Fact]
    public void EachField_ChangesTheKey()
    {
        var basis = Options(ConversionGoal.Won, September, JourneyOptions.DefaultTouchTypes);
        var changed = new[]
        {
            basis with { Conversion = ConversionGoal.Entered(Stage.Customer) },
            basis with { Conversion = ConversionGoal.Entered(Stage.Mql) },
            basis with { LookbackDays = 30 },
            basis with { TouchTypes = new HashSet<EventType> { EventType.SessionStart } },
            basis with { SameInteraction = TimeSpan.Zero },
            basis with { Period = new DateRange(September.Start, September.End.AddDays(1)) },
            basis with { Period = null },
        };

        var keys = changed.Select(o => WorkspaceEngines.Describe([o])).Append(WorkspaceEngines.Describe([basis])).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.NotEqual(WorkspaceEngines.Describe([basis, changed[0]]), WorkspaceEngines.Describe([changed[0], basis])); // the order of the sets answered
    }

    [Fact]
    public void NinthList_DropsTheLeastRecentlyUsed()
    {
        var tiny = _store.FindWorkspace("tiny")!;
        var lists = Enumerable.Range(0, WorkspaceEngines.MaxJourneyEntries + 1)
            .Select(i => Options(ConversionGoal.Won, new DateRange(September.Start, September.End.AddDays(i)), JourneyOptions.DefaultTouchTypes))
            .ToList();
        var oldest = _engines.Journeys(tiny, [lists[0]]);
        var second = _engines.Journeys(tiny, [lists[1]]);
        foreach (var options in lists.Skip(2).Take(WorkspaceEngines.MaxJourneyEntries - 2))
        {
            _engines.Journeys(tiny, [options]);
        }

        Assert.Same(oldest, _engines.Journeys(tiny, [lists[0]])); // used again: now the latest
        _engines.Journeys(tiny, [lists[^1]]); // the ninth: drops lists[1]
        Assert.Equal(WorkspaceEngines.MaxJourneyEntries + 1, _engines.JourneyBuilds);

        Assert.Same(oldest, _engines.Journeys(tiny, [lists[0]]));
        Assert.NotSame(second, _engines.Journeys(tiny, [lists[1]]));
        Assert.Equal(WorkspaceEngines.MaxJourneyEntries + 2, _engines.JourneyBuilds);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static JourneyOptions Options(ConversionGoal goal, DateRange? period, IReadOnlySet<EventType> touches) =>
        new() { Conversion = goal, Period = period, TouchTypes = touches };
}
