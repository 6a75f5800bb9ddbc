using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Builders;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>Journeys from the backend against journeys from the in-memory store on the same facts, and two workspaces apart.</summary>
public abstract partial class JourneyContract
{
    /// <summary>Every conversion goal, a look-back, periods (UTC and New York), no merging.</summary>
    private static readonly (string Name, JourneyOptions Options, string? TimeZone)[] Variants =
    [
        ("customer", Options(ConversionGoal.Entered(Stage.Customer)), null),
        ("lead", Options(ConversionGoal.Entered(Stage.Lead)), null),
        ("opportunity", Options(ConversionGoal.Entered(Stage.Opportunity)), null),
        ("won", Options(ConversionGoal.Won), null),
        ("deal created", Options(ConversionGoal.DealCreated), null),
        ("customer, 20-day look-back", Options(ConversionGoal.Entered(Stage.Customer), lookbackDays: 20), null),
        ("won, 5-day look-back", Options(ConversionGoal.Won, lookbackDays: 5), null),
        ("won, days 10-15", Options(ConversionGoal.Won, period: Days(10, 16)), null),
        ("won, days 10-15 in New York", Options(ConversionGoal.Won, period: Days(10, 16)), "America/New_York"),
        ("lead, days 10-12", Options(ConversionGoal.Entered(Stage.Lead), period: Days(10, 13)), null),
        ("customer, no merging", Options(ConversionGoal.Entered(Stage.Customer), sameInteraction: TimeSpan.Zero), null),
    ];

    private readonly List<InMemoryFactStore> _memoryStores = [];

    [Fact]
    public void Build_StoryEveryVariant_EqualsTheInMemoryStore()
    {
        var reference = Reference("acme", (store, ws) => JourneyStory.Write(store, ws));

        AssertSameJourneys(Acme, reference);
    }

    [Fact]
    public void Build_SmallDemoCompany_EqualsTheInMemoryStore()
    {
        var simulation = new SimulationOptions { Seed = 5, Contacts = 30, Years = 1, Start = new DateOnly(2026, 1, 1) };
        var demo = Store.GetOrCreateWorkspace("demo");
        Simulate(Store, demo, simulation);
        var reference = Reference("demo", (store, ws) => Simulate(store, ws, simulation));

        var won = JourneyBuilder.Build(Store, demo, Options(ConversionGoal.Won));
        Assert.Contains(won.Journeys, j => j.ConvertedAt is not null && j.Value > 0);
        Assert.Contains(won.Journeys, j => j.ConvertedAt is null);
        AssertSameJourneys(demo, reference);
    }

    [Fact]
    public void Build_TwoWorkspacesSameIds_EachBuildsFromItsOwnFacts()
    {
        var globex = Store.GetOrCreateWorkspace("globex");
        FactWriting.WriteAll(Store, globex,
        [
            new EventBuilder("e01").SessionStart().At(day: 2).Anonymous("a1").Channel("display").Build(),
            new EventBuilder("e04").FormSubmit().At(day: 3).Anonymous("a1").Contact("c1").Build(),
            new ContactBuilder("c1").CreatedAt(day: 3).Build(),
            new DealBuilder("d1").Contact("c1").CreatedAt(day: 4).Won(day: 8, amount: 40m).Build(),
        ]);

        var acme = JourneyBuilder.Build(Store, Acme, Options(ConversionGoal.Won));
        var other = JourneyBuilder.Build(Store, globex, Options(ConversionGoal.Won));

        Assert.Equal(["c1 01-08 00:00 40: display@01-02 00:00"], JourneyText.Of(other.Journeys));
        Assert.Equal((0, 0.0), (other.UntouchedConversions, other.UntouchedValue));
        Assert.Equal($"c1 01-30 00:00 1000: {C1Touches}, direct@01-20 00:00 +opp", JourneyText.Of(acme.Journeys[1]));
        Assert.Equal((2, 270.0), (acme.UntouchedConversions, acme.UntouchedValue));
    }

    private (IFactStore Store, Workspace Workspace) Reference(string name, Action<IFactStore, Workspace> write)
    {
        var memory = new InMemoryFactStore();
        _memoryStores.Add(memory);
        var ws = memory.GetOrCreateWorkspace(name);
        write(memory, ws);
        return (memory, ws);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store?.Dispose();
            _memoryStores.ForEach(s => s.Dispose());
        }
    }

    private void AssertSameJourneys(Workspace workspace, (IFactStore Store, Workspace Workspace) reference)
    {
        var differences = new List<string>();
        foreach (var (name, options, timeZone) in Variants)
        {
            var actual = JourneyBuilder.Build(Store, timeZone is null ? workspace : workspace with { TimeZone = timeZone }, options);
            var expected = JourneyBuilder.Build(reference.Store, timeZone is null ? reference.Workspace : reference.Workspace with { TimeZone = timeZone }, options);
            var (got, want) = (JourneyText.Exact(actual.Journeys), JourneyText.Exact(expected.Journeys));
            if (!got.SequenceEqual(want))
            {
                var at = Enumerable.Range(0, Math.Max(got.Length, want.Length)).First(i => i >= got.Length || i >= want.Length || got[i] != want[i]);
                differences.Add($"{name}: journey {at} of {got.Length} on the backend is '{(at < got.Length ? got[at] : "none")}', of {want.Length} on the reference '{(at < want.Length ? want[at] : "none")}'");
            }

            if ((actual.UntouchedConversions, actual.UntouchedValue) != (expected.UntouchedConversions, expected.UntouchedValue))
            {
                differences.Add($"{name}: untouched {actual.UntouchedConversions} worth {actual.UntouchedValue} on the backend, {expected.UntouchedConversions} worth {expected.UntouchedValue} on the reference");
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    private static void Simulate(IFactStore store, Workspace workspace, SimulationOptions options)
    {
        using var sink = new StoreFactSink(store, workspace);
        DemoCompany.Run(options, sink);
    }
}
