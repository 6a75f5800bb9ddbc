using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>KPIs after an import done twice, and with a second workspace beside the first.</summary>
public abstract partial class KpiContract
{
    [Fact]
    public void EveryKpi_FixtureImportedTwice_EqualsTheFixtureOnce()
    {
        var options = new MetricOptions { Brand = "acme" };

        var (backend, reference) = Engines("acme", KpiFixture.Write, KpiFixture.Facts, options, acme => KpiFixture.Write(Store, acme, KpiFixture.Facts));

        AssertAllEqual(backend, reference);
        AssertMonths((backend, reference), "sessions", 3, 2, 0);
    }

    [Fact]
    public void EveryKpi_OtherWorkspaceWithSameIds_EqualsTheFixtureAlone()
    {
        var options = new MetricOptions { Brand = "acme" };
        var globex = Store.GetOrCreateWorkspace("globex");
        KpiFixture.Write(Store, globex,
        [
            new EventBuilder("s1").SessionStart().At(day: 2).Anonymous("a1").Channel("display").Build(),
            new EventBuilder("s9").SessionStart().At(day: 3).Anonymous("a9").Channel("display").Build(),
            new ContactBuilder("c1").CreatedAt(day: 4).Channel("display").Build(),
            new StageChangeBuilder("c1").Stage(Stage.Customer).EnteredAt(day: 4).Build(),
            new SpendBuilder("paid_search").On(3).Campaign("spring").Kind(SpendKind.Media).Amount(9_999m).Build(),
            new DealBuilder("d1").Contact("c1").CreatedAt(day: 4).Won(day: 5, amount: 77m).Build(),
        ]);
        Store.SaveCustomKpi(globex, PaidSearchSpendPerLead with { Formula = "spend / sessions" });

        var (backend, reference) = Engines("acme", KpiFixture.Write, KpiFixture.Facts, options);
        var other = new MetricsEngine(Store, globex, options, new ManualClock(Today), Store.ListCustomKpis(globex));

        AssertAllEqual(backend, reference);
        Assert.Equal([2.0, 0], other.Run(new MetricQuery("sessions", Year, Grain.Month)).Rows.Single().Values.Take(2));
        Assert.Equal([9_999.0 / 2, null], other.Run(new MetricQuery(PaidSearchSpendPerLead.Id, Year, Grain.Month)).Rows.Single().Values.Take(2));
    }
}
