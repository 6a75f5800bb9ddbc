using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>Pipeline and revenue KPIs on small fixtures; every expected value is worked out in the test.</summary>
public class RevenueKpiTests
{
    private static readonly DateRange February = KpiWorld.Days(32, 60);

    [Fact]
    public void PipelineCreated_ByDealSource_SumsAmountsOfDealsCreatedInThePeriod()
    {
        using var world = new KpiWorld().Add(
            new DealBuilder("d1").CreatedAt(5).Amount(1_000m).Source(DealSource.Marketing).Build(),
            new DealBuilder("d2").CreatedAt(10).Won(20, 2_500m).Source(DealSource.Sales).Build(),
            new DealBuilder("d3").CreatedAt(12).Amount(700m).Lost(40).Source(DealSource.Partner).Build(),
            new DealBuilder("d4").CreatedAt(15).Amount(300m).Source(DealSource.Marketing).Build(),
            new DealBuilder("d5").CreatedAt(40).Amount(9_999m).Source(DealSource.Marketing).Build(),
            new DealBuilder("d6").CreatedAt(20).Amount(50m).Build());

        var result = world.Engine().Run(new MetricQuery("pipeline_created", KpiWorld.January) { By = Dimensions.DealSource });

        Assert.Equal<string>(["sales", "marketing", "partner", Dimensions.None], result.Rows.Select(r => r.Group));
        Assert.Equal<double?>([2_500, 1_000 + 300, 700, 50], result.Rows.Select(r => r.Total));
        Assert.Equal(1_000 + 2_500 + 700 + 300 + 50, result.Overall!.Total);
    }

    [Fact]
    public void RevenueKpis_EmptyPeriod_SumsAreZeroAndRatiosHaveNoValue()
    {
        using var world = new KpiWorld().Add(new DealBuilder("d1").CreatedAt(5).Won(10, 1_000m).Build());

        Assert.Equal(0, world.Total("pipeline_created", February));
        Assert.Equal(0, world.Total("revenue_new", February));
        Assert.Equal(0, world.Total("revenue_total", February));
        Assert.Null(world.Total("pipeline_to_revenue_rate", February));
        Assert.Null(world.Total("win_rate", February));
        Assert.Null(world.Total("average_deal_size", February));
        Assert.Null(world.Total("sales_cycle_days", February));
        Assert.Null(world.Total("discount_rate", February));
    }

    [Fact]
    public void MarketingPipeline_TouchesBeforeTheDeal_SplitSourcedFromInfluenced()
    {
        using var world = new KpiWorld().Add(
            // c1: first touch paid search before the deal: sourced and influenced.
            new ContactBuilder("c1").Build(),
            new EventBuilder("e1").SessionStart().At(2).Contact("c1").Channel("paid_search").Build(),
            new DealBuilder("a").Contact("c1").CreatedAt(10).Amount(1_000m).Build(),
            // c2: first touch direct: influenced only.
            new ContactBuilder("c2").Build(),
            new EventBuilder("e2").SessionStart().At(3).Contact("c2").Channel("direct").Build(),
            new DealBuilder("b").Contact("c2").CreatedAt(10).Amount(2_000m).Build(),
            // c3: an anonymous email visit on day 1, identified on day 5: sourced through the identity link.
            new ContactBuilder("c3").CreatedAt(5).Build(),
            new EventBuilder("e3").SessionStart().At(1).Anonymous("a3").Channel("email").Build(),
            new EventBuilder("e4").FormSubmit().At(5).Anonymous("a3").Contact("c3").Build(),
            new DealBuilder("c").Contact("c3").CreatedAt(10).Amount(4_000m).Build(),
            // c4: the only touch comes after the deal: neither.
            new ContactBuilder("c4").Build(),
            new EventBuilder("e5").SessionStart().At(20).Contact("c4").Channel("organic_search").Build(),
            new DealBuilder("d").Contact("c4").CreatedAt(10).Amount(8_000m).Build(),
            // a deal without contact: neither.
            new DealBuilder("e").CreatedAt(10).Amount(16_000m).Build(),
            // c5: no tracked touch, the CRM row says paid social: sourced and influenced.
            new ContactBuilder("c5").Channel("paid_social").Build(),
            new DealBuilder("f").Contact("c5").CreatedAt(10).Amount(32_000m).Build());

        Assert.Equal(1_000 + 4_000 + 32_000, world.Total("marketing_sourced_pipeline", KpiWorld.January));
        Assert.Equal(1_000 + 2_000 + 4_000 + 32_000, world.Total("marketing_influenced_pipeline", KpiWorld.January));
        Assert.Equal(1_000 + 2_000 + 4_000 + 8_000 + 16_000 + 32_000, world.Total("pipeline_created", KpiWorld.January));
    }

    [Fact]
    public void MarketingSourcedPipeline_ByChannel_GroupsByTheFirstTouchChannel()
    {
        using var world = new KpiWorld().Add(
            new EventBuilder("e1").SessionStart().At(2).Contact("c1").Channel("paid_search").Build(),
            new EventBuilder("e2").SessionStart().At(3).Contact("c2").Channel("email").Build(),
            new EventBuilder("e3").SessionStart().At(4).Contact("c3").Channel("paid_search").Build(),
            new DealBuilder("a").Contact("c1").CreatedAt(10).Amount(1_000m).Build(),
            new DealBuilder("b").Contact("c2").CreatedAt(10).Amount(2_000m).Build(),
            new DealBuilder("c").Contact("c3").CreatedAt(10).Amount(500m).Build());

        var byChannel = world.By("marketing_sourced_pipeline", KpiWorld.January, Dimensions.Channel);

        Assert.Equal(1_000 + 500, byChannel["paid_search"]);
        Assert.Equal(2_000, byChannel["email"]);
    }

    [Fact]
    public void PipelineToRevenueRate_DealsCreatedInPeriod_WonAmountOverCreatedAmountOfTheCohort()
    {
        using var world = new KpiWorld().Add(
            new DealBuilder("d1").CreatedAt(5).Won(50, 1_000m).Source(DealSource.Marketing).Build(),
            new DealBuilder("d2").CreatedAt(6).Amount(3_000m).Lost(20).Source(DealSource.Marketing).Build(),
            new DealBuilder("d3").CreatedAt(7).Amount(4_000m).Source(DealSource.Sales).Build(),
            new DealBuilder("d4").CreatedAt(40).Won(45, 500m).Source(DealSource.Sales).Build());

        var bySource = world.By("pipeline_to_revenue_rate", KpiWorld.January, Dimensions.DealSource);

        Assert.Equal(1_000.0 / (1_000 + 3_000 + 4_000), world.Total("pipeline_to_revenue_rate", KpiWorld.January));
        Assert.Equal(1_000.0 / (1_000 + 3_000), bySource["marketing"]);
        Assert.Equal(0.0 / 4_000, bySource["sales"]);
        Assert.Equal(500.0 / 500, world.Total("pipeline_to_revenue_rate", February));
    }

    [Fact]
    public void RevenueNewAndTotal_ByMonth_NewBusinessOnlyAgainstEveryDealType()
    {
        using var world = new KpiWorld().Add(
            new DealBuilder("n1").CreatedAt(1).Won(5, 1_000m).Build(),
            new DealBuilder("n2").CreatedAt(1).Won(20, 2_000m).Build(),
            new DealBuilder("x1").CreatedAt(1).Won(10, 500m).Type(DealType.Expansion).Build(),
            new DealBuilder("r1").CreatedAt(1).Won(25, 300m).Type(DealType.Renewal).Build(),
            new DealBuilder("n3").CreatedAt(1).Amount(9_000m).Lost(15).Build(),
            new DealBuilder("n4").CreatedAt(1).Won(40, 4_000m).Build());
        var twoMonths = KpiWorld.Days(1, 60);

        var revenueNew = world.Engine().Run(new MetricQuery("revenue_new", twoMonths, Grain.Month)).Rows.Single();
        var revenueTotal = world.Engine().Run(new MetricQuery("revenue_total", twoMonths, Grain.Month)).Rows.Single();

        Assert.Equal<double?>([1_000 + 2_000, 4_000], revenueNew.Values);
        Assert.Equal(1_000 + 2_000 + 4_000, revenueNew.Total);
        Assert.Equal<double?>([1_000 + 2_000 + 500 + 300, 4_000], revenueTotal.Values);
    }

    [Fact]
    public void RevenueNew_DealReopenedAndWonAgain_CountsOnceInTheMonthOfItsCurrentCloseDate()
    {
        using var world = new KpiWorld();
        var twoMonths = KpiWorld.Days(1, 60);
        world.Add(new DealBuilder("d1").CreatedAt(2).Won(10, 1_000m).Build());
        Assert.Equal(1_000, world.Total("revenue_new", KpiWorld.January));

        world.Add(new DealBuilder("d1").CreatedAt(2).Amount(1_000m).Build());
        Assert.Equal(0, world.Total("revenue_new", twoMonths));

        world.Add(new DealBuilder("d1").CreatedAt(2).Won(45, 1_200m).Build());
        var row = world.Engine().Run(new MetricQuery("revenue_new", twoMonths, Grain.Month)).Rows.Single();

        Assert.Equal<double?>([0, 1_200], row.Values);
        Assert.Equal(1_200, row.Total);
        Assert.Equal(1.0 / 1, world.Total("win_rate", February));
        Assert.Equal(45 - 2, world.Total("sales_cycle_days", February));
    }

    [Fact]
    public void RevenueNew_BerlinWorkspace_DealsCountOnTheirLocalCloseDay()
    {
        using var world = new KpiWorld("Europe/Berlin").Add(
            new DealBuilder("new_year").Won(0, 100m).Build() with { ClosedAt = BuilderTime.At(0, 23, 30) },
            new DealBuilder("mid").Won(15, 200m).Build(),
            new DealBuilder("late").Won(31, 400m).Build() with { ClosedAt = BuilderTime.At(31, 23, 30) });

        var row = world.Engine().Run(new MetricQuery("revenue_new", KpiWorld.Days(1, 60), Grain.Month)).Rows.Single();

        // 31 December 23:30 UTC is 1 January 00:30 in Berlin; 31 January 23:30 UTC is 1 February.
        Assert.Equal<double?>([100 + 200, 400], row.Values);
    }

    [Fact]
    public void WinRate_ByChannel_NewDealsWonOverWonOrLostByCloseDate()
    {
        using var world = new KpiWorld().Add(
            new ContactBuilder("c1").Channel("email").Build(),
            new ContactBuilder("c2").Channel("email").Build(),
            new DealBuilder("w1").Contact("c1").Won(5, 100m).Build(),
            new DealBuilder("w2").Won(6, 100m).Build(),
            new DealBuilder("l1").Contact("c2").Lost(7).Build(),
            new DealBuilder("l2").Lost(8).Build(),
            new DealBuilder("l3").Lost(9).Build(),
            new DealBuilder("x1").Won(10, 100m).Type(DealType.Expansion).Build(),
            new DealBuilder("o1").Build(),
            new DealBuilder("l4").Lost(40).Build());

        var byChannel = world.By("win_rate", KpiWorld.January, Dimensions.Channel);

        Assert.Equal(2.0 / 5, world.Total("win_rate", KpiWorld.January));
        Assert.Equal(1.0 / 2, byChannel["email"]);
        Assert.Equal(1.0 / 3, byChannel[Dimensions.None]);
    }

    [Fact]
    public void AverageDealSize_WonDealWithoutAmount_IsMeanOfTheKnownAmounts()
    {
        using var world = new KpiWorld().Add(
            new DealBuilder("n1").Won(5, 1_000m).Build(),
            new DealBuilder("n2").Won(6, 2_000m).Build(),
            new DealBuilder("n3").Won(7, 6_000m).Build(),
            new DealBuilder("n4").Won(8, 0m).Amount(null).Build(),
            new DealBuilder("x1").Won(9, 99_999m).Type(DealType.Expansion).Build());

        Assert.Equal((1_000 + 2_000 + 6_000) / 3.0, world.Total("average_deal_size", KpiWorld.January));
    }

    [Fact]
    public void SalesCycleDays_FourWonDeals_IsMedianDaysFromCreatedToWon()
    {
        using var world = new KpiWorld().Add(
            new DealBuilder("a").CreatedAt(1).Won(11, 1m).Build(),
            new DealBuilder("b").CreatedAt(3).Won(23, 1m).Build(),
            new DealBuilder("c").CreatedAt(2).Won(6, 1m).Build(),
            new DealBuilder("d").CreatedAt(1).Won(31, 1m).Build(),
            new DealBuilder("lost").CreatedAt(1).Lost(2).Build(),
            new DealBuilder("expansion").CreatedAt(1).Won(30, 1m).Type(DealType.Expansion).Build());

        // Cycles 10, 20, 4, 30 days: sorted 4, 10, 20, 30, median (10 + 20) / 2.
        Assert.Equal((10 + 20) / 2.0, world.Total("sales_cycle_days", KpiWorld.January));
    }

    [Fact]
    public void DiscountRate_BySegment_MeanOfListMinusSoldOverListOfNewDealsWon()
    {
        using var world = new KpiWorld().Add(
            new AccountBuilder("acc1").Segment("enterprise").Build(),
            new ContactBuilder("c1").Segment("smb").Build(),
            new DealBuilder("a").Account("acc1").Won(5, 800m).Amount(800m, 1_000m).Build(),
            new DealBuilder("b").Account("acc1").Won(6, 1_500m).Amount(1_500m, 2_000m).Build(),
            new DealBuilder("c").Contact("c1").Won(7, 500m).Amount(500m, 500m).Build(),
            new DealBuilder("no_list").Won(8, 700m).Build(),
            new DealBuilder("expansion").Won(9, 100m).Amount(100m, 1_000m).Type(DealType.Expansion).Build());

        var bySegment = world.By("discount_rate", KpiWorld.January, Dimensions.Segment);

        Assert.Equal((0.2 + 0.25 + 0.0) / 3, world.Total("discount_rate", KpiWorld.January)!.Value, precision: 12);
        Assert.Equal((0.2 + 0.25) / 2, bySegment["enterprise"]!.Value, precision: 12);
        Assert.Equal(0.0, bySegment["smb"]);
    }
}
