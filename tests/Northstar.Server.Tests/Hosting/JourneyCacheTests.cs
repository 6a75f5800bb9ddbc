using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Server.Hosting;

namespace Northstar.Server.Tests.Hosting;

/// <summary>The journeys <see cref="WorkspaceEngines.Journeys"/> keeps: by the options' content, the last <see cref="WorkspaceEngines.MaxJourneyEntries"/> used.</summary>
public sealed class JourneyCacheTests : TinyEngines
{
    [Fact]
    public void EqualOptions_WithTheirOwnSets_AreOneEntry()
    {
        var tiny = Store.FindWorkspace("tiny")!;
        var first = Options(ConversionGoal.Won, September, new HashSet<EventType> { EventType.SessionStart, EventType.AdClick });
        var second = Options(ConversionGoal.Won, September, new HashSet<EventType> { EventType.AdClick, EventType.SessionStart });

        var kept = Engines.Journeys(tiny, [first]);

        Assert.NotEqual(first, second); // the record compares its sets by reference
        Assert.Equal(WorkspaceEngines.Describe([first]), WorkspaceEngines.Describe([second]));
        Assert.Same(kept, Engines.Journeys(tiny, [second]));
        Assert.Equal(1, Engines.JourneyBuilds);
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
        var tiny = Store.FindWorkspace("tiny")!;
        var lists = Enumerable.Range(0, WorkspaceEngines.MaxJourneyEntries + 1)
            .Select(i => Options(ConversionGoal.Won, new DateRange(September.Start, September.End.AddDays(i)), JourneyOptions.DefaultTouchTypes))
            .ToList();
        var oldest = Engines.Journeys(tiny, [lists[0]]);
        var second = Engines.Journeys(tiny, [lists[1]]);
        foreach (var options in lists.Skip(2).Take(WorkspaceEngines.MaxJourneyEntries - 2))
        {
            Engines.Journeys(tiny, [options]);
        }

        Assert.Same(oldest, Engines.Journeys(tiny, [lists[0]])); // used again: now the latest
        Engines.Journeys(tiny, [lists[^1]]); // the ninth: drops lists[1]
        Assert.Equal(WorkspaceEngines.MaxJourneyEntries + 1, Engines.JourneyBuilds);

        Assert.Same(oldest, Engines.Journeys(tiny, [lists[0]]));
        Assert.NotSame(second, Engines.Journeys(tiny, [lists[1]]));
        Assert.Equal(WorkspaceEngines.MaxJourneyEntries + 2, Engines.JourneyBuilds);
    }

    private static JourneyOptions Options(ConversionGoal goal, DateRange? period, IReadOnlySet<EventType> touches) =>
        new() { Conversion = goal, Period = period, TouchTypes = touches };
}
