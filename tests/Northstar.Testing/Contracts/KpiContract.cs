using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>
/// Every KPI on the fixtures: each KPI of the catalogue (and two custom formula KPIs), run
/// through <see cref="MetricsEngine"/> on the backend for 2026 by month and for the year by
/// channel, must equal the same query on <see cref="InMemoryFactStore"/> holding the same facts;
/// a handful of them are also held against values worked out by hand on <see cref="KpiFixture"/>,
/// so that the contract cannot pass with both stores wrong.
/// </summary>
public abstract partial class KpiContract : NorthstarStoreContract
{
    /// <summary>Today for every engine: 2027-01-01, so no month of 2026 is incomplete.</summary>
    protected static readonly DateTimeOffset Today = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateRange Year = new(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));

    /// <summary>Spend of paid search per lead: January 1,000 / 2 = 500, February (1,500 + 300) / 2 = 900.</summary>
    private static readonly KpiDefinition PaidSearchSpendPerLead =
        new("paid_search_spend_per_lead", "Paid search spend per lead", KpiUnit.Money, KpiDirection.DownIsGood, "paid search spend / leads", [])
        {
            Formula = "spend[channel = \"paid_search\"] / leads",
        };

    private static readonly KpiDefinition MeetingsPerSession =
        new("meetings_per_session", "Meetings per session", KpiUnit.Ratio, KpiDirection.UpIsGood, "meetings booked / sessions", [])
        {
            Formula = "meetings_booked / sessions",
        };

    private readonly List<InMemoryFactStore> _references = [];

    [Fact]
    public void EveryKpi_HandFixtureByMonthAndByChannel_EqualsTheInMemoryStore()
    {
        var options = new MetricOptions { Brand = "acme" };
        var (backend, reference) = Engines("acme", KpiFixture.Write, KpiFixture.Facts, options);

        Assert.All(Store.Summarize(Store.FindWorkspace("acme")!).Kinds, k => Assert.True(k.Count > 0, $"no {k.Kind} in the fixture"));
        var silent = reference.Kpis.Where(k => !Answers(reference, k.Id)).Select(k => k.Id).ToList();
        Assert.True(silent.Count <= 1, $"the fixture gives no value other than 0 to {string.Join(", ", silent)}"); // proposal_to_customer_rate: 0, then empty
        AssertAllEqual(backend, reference);
    }

    [Fact]
    public void EveryKpi_SmallDemoCompanyByMonthAndByChannel_EqualsTheInMemoryStore()
    {
        var simulation = new SimulationOptions { Seed = 7, Contacts = 30, Years = 1, Start = new DateOnly(2026, 1, 1) };
        var options = new MetricOptions { Brand = DemoCompany.Brand };
        var (backend, reference) = Engines("demo", Simulate, simulation, options);

        // 30 contacts answer no survey; the hand fixture has survey answers.
        var empty = Store.Summarize(Store.FindWorkspace("demo")!).Kinds.Where(k => k.Count == 0).Select(k => k.Kind);
        Assert.Equal([FactKind.Surveys], empty);
        AssertAllEqual(backend, reference);
    }

    [Fact]
    public void RunAll_SmallDemoCompanyEveryKpiAtOnce_EqualsTheInMemoryStoreOneByOne()
    {
        var simulation = new SimulationOptions { Seed = 7, Contacts = 30, Years = 1, Start = new DateOnly(2026, 1, 1) };
        var (backend, reference) = Engines("demo", Simulate, simulation, new MetricOptions { Brand = DemoCompany.Brand });
        var quarter = new DateRange(new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1));
        var previous = new DateRange(new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1));
        var queries = reference.Kpis
            .SelectMany(k => k.Dimensions.Contains(Dimensions.Channel)
                ? new[] { new MetricQuery(k.Id, quarter, Grain.Month) { CompareWith = previous }, new MetricQuery(k.Id, Year) { By = Dimensions.Channel } }
                : [new MetricQuery(k.Id, quarter, Grain.Month) { CompareWith = previous }])
            .ToList();

        var all = backend.RunAll(queries);

        var differences = new List<string>();
        for (var i = 0; i < queries.Count; i++)
        {
            var expected = reference.Run(queries[i]);
            var actual = all[i];
            if (expected.Rows.Count != actual.Rows.Count)
            {
                differences.Add($"{queries[i].Kpi}: {actual.Rows.Count} rows, reference {expected.Rows.Count}");
                continue;
            }

            foreach (var (e, a) in expected.Rows.Zip(actual.Rows))
            {
                var same = e.Group == a.Group && KpiComparison.Same(a.Total, e.Total) && KpiComparison.Same(a.Change?.Previous, e.Change?.Previous)
                    && e.Values.Zip(a.Values).All(v => KpiComparison.Same(v.Second, v.First));
                if (!same)
                {
                    differences.Add($"{queries[i].Kpi} ({queries[i].By ?? "by month"}), group '{e.Group}': total {a.Total}, reference {e.Total}");
                }
            }
        }

        Assert.True(queries.Count > 100, $"only {queries.Count} queries");
        Assert.True(differences.Count == 0, $"{differences.Count} differences from the in-memory store:\n" + string.Join('\n', differences.Take(40)));
    }

    [Fact]
    public void Kpis_Catalogue_HasEveryKindOfKpiToCompare()
    {
        var (backend, _) = Engines("acme", KpiFixture.Write, KpiFixture.Facts, new MetricOptions());

        Assert.True(backend.Kpis.Count >= 80, $"only {backend.Kpis.Count} KPIs in the catalogue");
        Assert.Contains(backend.Kpis, k => k.Id == PaidSearchSpendPerLead.Id && k.IsCustom);
        Assert.Contains(backend.Kpis, k => k.Id == "lead_to_mql_cohort_rate");
    }

    /// <summary>The engine over the backend (custom KPIs read back from it) and the engine over an in-memory store with the same facts.</summary>
    private (MetricsEngine Backend, MetricsEngine Reference) Engines<TFacts>(
        string workspaceName, Action<IFactStore, Workspace, TFacts> write, TFacts facts, MetricOptions options, Action<Workspace>? thenOnBackend = null)
    {
        var workspace = Store.GetOrCreateWorkspace(workspaceName);
        write(Store, workspace, facts);
        thenOnBackend?.Invoke(workspace);
        Store.SaveCustomKpi(workspace, PaidSearchSpendPerLead);
        Store.SaveCustomKpi(workspace, MeetingsPerSession);
        var backend = new MetricsEngine(Store, workspace, options, new ManualClock(Today), Store.ListCustomKpis(workspace));

        var memory = new InMemoryFactStore();
        _references.Add(memory);
        var memoryWorkspace = memory.GetOrCreateWorkspace(workspaceName);
        write(memory, memoryWorkspace, facts);
        var reference = new MetricsEngine(memory, memoryWorkspace, options, new ManualClock(Today), [PaidSearchSpendPerLead, MeetingsPerSession]);
        return (backend, reference);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _references.ForEach(r => r.Dispose());
        }
    }

    /// <summary>Whether some month of 2026 has a value other than 0 (so that comparing the KPI proves something).</summary>
    private static bool Answers(MetricsEngine engine, string kpi)
    {
        try
        {
            return engine.Run(new MetricQuery(kpi, Year, Grain.Month)).Rows.Any(r => r.Values.Any(v => v is not (null or 0)));
        }
        catch (MetricQueryException)
        {
            return false;
        }
    }

    private static void Simulate(IFactStore store, Workspace workspace, SimulationOptions options)
    {
        using var sink = new StoreFactSink(store, workspace);
        DemoCompany.Run(options, sink);
    }

    /// <summary>Runs every KPI of the reference's catalogue both ways on both engines; fails listing every difference.</summary>
    private static void AssertAllEqual(MetricsEngine backend, MetricsEngine reference)
    {
        var differences = new List<string>();
        foreach (var kpi in reference.Kpis)
        {
            differences.AddRange(KpiComparison.Compare(backend, reference, new MetricQuery(kpi.Id, Year, Grain.Month), "2026 by month"));
            if (kpi.Dimensions.Contains(Dimensions.Channel))
            {
                differences.AddRange(KpiComparison.Compare(backend, reference, new MetricQuery(kpi.Id, Year) { By = Dimensions.Channel }, "2026 by channel"));
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} differences from the in-memory store:\n" + string.Join('\n', differences.Take(40)));
    }
}
