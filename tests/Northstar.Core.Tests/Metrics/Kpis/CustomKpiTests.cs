using Northstar.Core.Metrics;
using Northstar.Testing.Builders;
using Northstar.Testing;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>Custom KPIs: a formula over measures, run through the engine like a built-in KPI.</summary>
public class CustomKpiTests
{
    private static readonly KpiDefinition PaidSocialRoas = new(
        "paid_social_roas", "Paid social ROAS", KpiUnit.Ratio, KpiDirection.UpIsGood, "new revenue from paid social / its spend", Dimensions: [])
    {
        Formula = "revenue_new[channel = \"paid_social\"] / spend[channel = \"paid_social\"]",
    };

    [Fact]
    public void Run_PaidSocialRoas_FilteredRevenueOverFilteredSpend()
    {
        using var world = RoasWorld();

        var result = Engine(world, PaidSocialRoas).Run(new MetricQuery("paid_social_roas", KpiWorld.January));

        Assert.Equal(3_000 / (1_000.0 + 500), result.Rows.Single().Total);
        Assert.Equal(KpiUnit.Ratio, result.Kpi.Unit);
    }

    [Fact]
    public void Run_PaidSocialRoasNoSpend_DivisionByZeroHasNoValue()
    {
        using var world = RoasWorld();

        var result = Engine(world, PaidSocialRoas).Run(new MetricQuery("paid_social_roas", KpiWorld.Days(32, 60)));

        Assert.Null(result.Rows.Single().Total); // 700 of revenue over 0 of spend: no value, not infinity
    }

    [Fact]
    public void Run_PaidSocialRoasByCampaign_GroupsBothMeasuresByCampaign()
    {
        using var world = RoasWorld();

        var result = Engine(world, PaidSocialRoas).Run(new MetricQuery("paid_social_roas", KpiWorld.January) { By = Dimensions.Campaign });
        var byCampaign = result.Rows.ToDictionary(r => r.Group, r => r.Total);

        Assert.Equal(3_000 / 1_000.0, byCampaign["abm"]);
        Assert.Equal(0 / 500.0, byCampaign[Dimensions.None]);
        Assert.Equal(3_000 / (1_000.0 + 500), result.Overall!.Total);
    }

    [Fact]
    public void Run_PaidSocialRoasComparedWithDecember_ChangeAgainstThePreviousValue()
    {
        using var world = RoasWorld();

        var row = Engine(world, PaidSocialRoas)
            .Run(new MetricQuery("paid_social_roas", KpiWorld.January, Grain.Month) { CompareWith = KpiWorld.December }).Rows.Single();

        // December: 0 of paid social revenue over 400 of spend.
        Assert.Equal(0 / 400.0, row.Change!.Previous);
        Assert.Equal((3_000 / 1_500.0) - (0 / 400.0), row.Change.Absolute);
        Assert.Null(row.Change.Relative); // relative to 0
        Assert.Equal(ChangeVerdict.Better, row.Change.Verdict);
    }

    [Fact]
    public void Engine_CustomKpi_ListedWithTheDimensionsItsMeasuresShare()
    {
        using var world = RoasWorld();

        var engine = Engine(world, PaidSocialRoas);
        var found = engine.Find("paid_social_roas")!;

        Assert.True(found.IsCustom);
        Assert.Contains(engine.Kpis, k => k.Id == "paid_social_roas");
        Assert.Equal<string>([Dimensions.Campaign, Dimensions.Channel], found.Dimensions.Order(StringComparer.Ordinal));
        Assert.Throws<MetricQueryException>(() => engine.Run(new MetricQuery("paid_social_roas", KpiWorld.January) { By = Dimensions.Kind }));
    }

    [Fact]
    public void Engine_CustomKpiWithBadFormula_ThrowsNamingTheKpi()
    {
        using var world = RoasWorld();
        var broken = PaidSocialRoas with { Id = "broken", Formula = "revenue_new / " };

        var error = Assert.Throws<BrokenCustomKpiException>(() => Engine(world, broken));

        Assert.StartsWith("Custom KPI 'broken':", error.Message, StringComparison.Ordinal);
        Assert.Equal("broken", error.KpiId);
    }

    private static MetricsEngine Engine(KpiWorld world, KpiDefinition custom) =>
        new(world.Store, world.Workspace, time: new ManualClock(KpiWorld.LongAfter), customKpis: [custom]);

    /// <summary>
    /// January: a paid social contact (campaign abm) wins 3,000, a paid search one 5,000; paid social
    /// spend 1,000 on abm and 500 without campaign, paid search 2,000. February: a paid social contact
    /// wins 700, no paid social spend. December: 400 of paid social spend.
    /// </summary>
    private static KpiWorld RoasWorld() => new KpiWorld().Add(
        new EventBuilder("e1").SessionStart().At(2).Contact("c1").Channel("paid_social").Utm("linkedin", "paid_social", "abm").Build(),
        new EventBuilder("e2").SessionStart().At(2).Contact("c2").Channel("paid_search").Build(),
        new EventBuilder("e3").SessionStart().At(2).Contact("c3").Channel("paid_social").Build(),
        new DealBuilder("d1").Contact("c1").Won(10, 3_000m).Build(),
        new DealBuilder("d2").Contact("c2").Won(11, 5_000m).Build(),
        new DealBuilder("d3").Contact("c3").Won(40, 700m).Build(),
        new SpendBuilder("paid_social").On(3).Campaign("abm").Amount(1_000m).Build(),
        new SpendBuilder("paid_social").On(3).Kind(Core.Facts.SpendKind.Creative).Amount(500m).Build(),
        new SpendBuilder("paid_search").On(3).Amount(2_000m).Build(),
        new SpendBuilder("paid_social").On(-5).Amount(400m).Build());
}
