using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>Spend, CAC, cost per stage, ROI, ROAS, ROAC, CLV and the CAC ratios, on small fixtures worked out by hand.</summary>
public partial class EfficiencyKpiTests
{
    private const double GrossMargin = 0.8;

    /// <summary>Days in a month as CLV converts a range's churn to a monthly one.</summary>
    private const double DaysPerMonth = 365.2425 / 12;

    [Fact]
    public void Spend_ByChannelCampaignAndKind_SumsTheRowsDatedInThePeriod()
    {
        using var world = new KpiWorld().Add(
            new SpendBuilder("paid_search").On(1).Campaign("brand").Amount(100m).Build(),
            new SpendBuilder("paid_search").On(2).Kind(SpendKind.Creative).Amount(50m).Build(),
            new SpendBuilder("paid_social").On(3).Campaign("abm").Amount(300m).Build(),
            new SpendBuilder("customer_success").On(4).Kind(SpendKind.Service).Amount(200m).Build(),
            new SpendBuilder("paid_search").On(40).Amount(999m).Build());

        var byChannel = world.By("spend", KpiWorld.January, Dimensions.Channel);
        var byKind = world.By("spend", KpiWorld.January, Dimensions.Kind);
        var byCampaign = world.By("spend", KpiWorld.January, Dimensions.Campaign);

        Assert.Equal(100 + 50 + 300 + 200, world.Total("spend", KpiWorld.January));
        Assert.Equal(100 + 50, byChannel["paid_search"]);
        Assert.Equal(300, byChannel["paid_social"]);
        Assert.Equal(200, byChannel["customer_success"]);
        Assert.Equal(100 + 300, byKind["media"]);
        Assert.Equal(50, byKind["creative"]);
        Assert.Equal(200, byKind["service"]);
        Assert.Equal(100, byCampaign["brand"]);
        Assert.Equal(300, byCampaign["abm"]);
        Assert.Equal(50 + 200, byCampaign[Dimensions.None]);
    }

    [Fact]
    public void Cac_ByChannel_ChannelSpendOverCustomersWhoseFirstTouchWasThatChannel()
    {
        using var world = CacWorld();

        var result = world.Engine().Run(new MetricQuery("cac", KpiWorld.January) { By = Dimensions.Channel });
        var byChannel = result.Rows.ToDictionary(r => r.Group, r => r.Total);

        Assert.Equal((1_000 + 200) / 3.0, byChannel["paid_search"]);
        Assert.Equal(600 / 1.0, byChannel["paid_social"]);
        Assert.Null(byChannel["email"]); // spend, no conversions: no value, not infinity
        Assert.Equal(0 / 1.0, byChannel[Dimensions.None]); // a customer without channel has no spend of its own
        Assert.Equal((1_000 + 200 + 600 + 300) / 5.0, result.Overall!.Total); // service spend left out
    }

    [Fact]
    public void Cac_ByMonth_EachMonthsSpendOverItsNewCustomers()
    {
        using var world = CacWorld();

        var row = world.Engine().Run(new MetricQuery("cac", KpiWorld.Days(1, 60), Grain.Month)).Rows.Single();

        Assert.Equal<double?>([(1_000 + 200 + 600 + 300) / 5.0, 7_777 / 1.0], row.Values);
        Assert.Equal((1_000 + 200 + 600 + 300 + 7_777) / 6.0, row.Total);
    }

    [Fact]
    public void Cac_SpendWithNoConversions_HasNoValue()
    {
        using var world = new KpiWorld().Add(new SpendBuilder("email").On(3).Kind(SpendKind.Tools).Amount(300m).Build());

        var cac = world.Total("cac", KpiWorld.January);

        Assert.Null(cac);
        Assert.Null(world.Total("cost_per_lead", KpiWorld.January));
        Assert.Null(world.Total("cac_payback_months", KpiWorld.January));
    }

    [Fact]
    public void CostPerStage_SkippedStage_AcquisitionSpendOverContactsEnteringEachStage()
    {
        using var world = new KpiWorld().Add(
            Entered("p1", Stage.Lead, 2), Entered("p1", Stage.Mql, 3),
            Entered("p2", Stage.Lead, 2), Entered("p2", Stage.Mql, 4), Entered("p2", Stage.Sql, 6),
            Entered("p3", Stage.Lead, 3), Entered("p3", Stage.Sql, 8), // skips mql and sal: counts as an MQL
            Entered("p4", Stage.Lead, 4),
            Entered("p5", Stage.Lead, -10), Entered("p5", Stage.Mql, -5), // December
            new SpendBuilder("paid_search").On(1).Amount(600m).Build(),
            new SpendBuilder("organic_search").On(2).Kind(SpendKind.People).Amount(400m).Build(),
            new SpendBuilder("customer_success").On(2).Kind(SpendKind.Service).Amount(500m).Build());

        Assert.Equal((600 + 400) / 4.0, world.Total("cost_per_lead", KpiWorld.January));
        Assert.Equal((600 + 400) / 3.0, world.Total("cost_per_mql", KpiWorld.January));
        Assert.Equal((600 + 400) / 2.0, world.Total("cost_per_sql", KpiWorld.January));
    }

    [Fact]
    public void RoiAndRoas_ByChannel_RevenueCreditedToTheFirstTouchChannel()
    {
        using var world = RoiWorld();

        var roi = world.By("roi", KpiWorld.January, Dimensions.Channel);
        var roas = world.By("roas", KpiWorld.January, Dimensions.Channel);

        Assert.Equal((3_000 + 2_000 + 1_000 - (1_000 + 500)) / (1_000.0 + 500), world.Total("roi", KpiWorld.January));
        Assert.Equal((3_000 - 1_000) / 1_000.0, roi["paid_search"]);
        Assert.Equal((0 - 500) / 500.0, roi["email"]);
        Assert.Null(roi["organic_search"]); // revenue without spend
        Assert.Null(roi[Dimensions.None]);
        Assert.Equal((3_000 + 2_000 + 1_000) / 1_000.0, world.Total("roas", KpiWorld.January));
        Assert.Equal(3_000 / 1_000.0, roas["paid_search"]);
    }

    [Fact]
    public void OverallRoi_AllRevenueAndAllSpend_NoAttributionAndNoBreakdown()
    {
        using var world = RoiWorld();

        var overall = world.Total("overall_roi", KpiWorld.January);

        Assert.Equal((3_000 + 2_000 + 1_000 + 5_000 - (1_000 + 500 + 700)) / (1_000.0 + 500 + 700), overall);
        Assert.Throws<MetricQueryException>(() => world.By("overall_roi", KpiWorld.January, Dimensions.Channel));
    }

    [Fact]
    public void Roac_OpenLeads_AddTheirExpectedValueToRevenueOverAdCosts()
    {
        using var world = new KpiWorld().Add(
            Entered("h1", Stage.Lead, 1), Entered("h1", Stage.Customer, 20),
            Entered("h2", Stage.Lead, 2), Entered("h2", Stage.Mql, 5), Entered("h2", Stage.Customer, 25),
            Entered("o1", Stage.Lead, 3), Entered("o1", Stage.Mql, 6),
            Entered("o2", Stage.Lead, 4),
            new DealBuilder("w1").Contact("h1").Won(20, 4_000m).Build(),
            new DealBuilder("w2").Contact("h2").Won(25, 2_000m).Build(),
            new SpendBuilder("paid_search").On(1).Amount(1_000m).Build(),
            new SpendBuilder("paid_search").On(1).Kind(SpendKind.Creative).Amount(500m).Build(),
            new SpendBuilder("paid_search").On(1).Kind(SpendKind.Tools).Amount(500m).Build(),
            new SpendBuilder("paid_search").On(1).Kind(SpendKind.People).Amount(1_000m).Build(),
            new SpendBuilder("customer_success").On(1).Kind(SpendKind.Service).Amount(300m).Build());

        // Historical rate to customer: from lead 2 of 4; from mql 2 of 3 (h1 skipped it, filled at its customer time).
        // Average new deal (4,000 + 2,000) / 2. Open leads: o1 (furthest mql), o2 (lead).
        const double averageDeal = (4_000 + 2_000) / 2.0;
        const double expected = (2.0 / 3 * averageDeal) + (2.0 / 4 * averageDeal);
        var roac = world.Total("roac", KpiWorld.January);

        Assert.Equal((4_000 + 2_000 + expected) / (1_000 + 500 + 500), roac!.Value, precision: 9);
        Assert.Null(world.Total("roac", KpiWorld.Days(32, 60))); // no ad costs
    }

    [Fact]
    public void Clv_OneOfFourAccountsLost_ArpaTimesMarginOverMonthlyChurn()
    {
        using var world = ClvWorld();

        // Start: A1..A4; end: A1, A3, A4, A5, A6. Churn 1 of 4 over 31 days.
        const double arpa = (100 + 300 + 400 + 500 + 300) / 5.0;
        const double monthlyChurn = 1.0 / 4 / (31 / DaysPerMonth);
        var clv = world.Total("clv", KpiWorld.January);
        var halfMargin = world.Total("clv", KpiWorld.January, new MetricOptions { GrossMargin = 0.5 });

        Assert.Equal(arpa * GrossMargin / monthlyChurn, clv!.Value, precision: 6);
        Assert.Equal(arpa * 0.5 / monthlyChurn, halfMargin!.Value, precision: 6);
        Assert.Null(world.Total("clv", KpiWorld.Days(32, 60))); // nobody lost in February
    }

    [Fact]
    public void LtvToCac_ByChannel_OverallClvOverEachChannelsCac()
    {
        using var world = ClvWorld();

        const double clv = (100 + 300 + 400 + 500 + 300) / 5.0 * GrossMargin / (1.0 / 4 / (31 / DaysPerMonth));
        var byChannel = world.By("ltv_to_cac", KpiWorld.January, Dimensions.Channel);

        Assert.Equal(clv / ((1_500 + 500) / 4.0), world.Total("ltv_to_cac", KpiWorld.January)!.Value, precision: 9);
        Assert.Equal(clv / (1_500 / 2.0), byChannel["paid_search"]!.Value, precision: 9);
        Assert.Equal(clv / (500 / 2.0), byChannel["email"]!.Value, precision: 9);
    }

    [Fact]
    public void CacPaybackMonths_NewSubscriptions_CacOverMeanNewMrrTimesMarginInMonths()
    {
        using var world = ClvWorld();
        var engine = world.Engine();

        var payback = world.Total("cac_payback_months", KpiWorld.January);

        Assert.Equal(KpiUnit.Months, engine.Find("cac_payback_months")!.Unit);
        Assert.Equal((1_500 + 500) / 4.0 / ((500 + 300) / 2.0 * GrossMargin), payback!.Value, precision: 12);
    }

    [Fact]
    public void CacPaybackMonths_ExpansionOfAnExistingAccount_IsNotANewCustomer()
    {
        using var world = new KpiWorld().Add(
            new SubscriptionBuilder("x1").Account("X").StartedAt(-30).Mrr(100m).Build(),
            new SubscriptionBuilder("x2").Account("X").StartedAt(5).Mrr(1_000m).Build(),
            new SubscriptionBuilder("n1a").Account("N1").StartedAt(3).Mrr(200m).Build(),
            new SubscriptionBuilder("n1b").Account("N1").StartedAt(10).Mrr(100m).Build(),
            new SubscriptionBuilder("n2").StartedAt(7).Mrr(500m).Build(),
            Entered("c1", Stage.Customer, 3), Entered("c2", Stage.Customer, 7),
            new SpendBuilder("paid_search").On(1).Amount(1_280m).Build());

        var payback = world.Total("cac_payback_months", KpiWorld.January);

        // New accounts N1 (200 + 100) and the account-less n2 (500); X's second subscription is expansion.
        Assert.Equal(1_280 / 2.0 / ((200 + 100 + 500) / 2.0 * GrossMargin), payback!.Value, precision: 12);
    }

    [Fact]
    public void EfficiencyKpis_EmptyPeriod_SpendIsZeroAndEveryRatioHasNoValue()
    {
        using var world = CacWorld();
        var march = KpiWorld.Days(60, 91);

        Assert.Equal(0, world.Total("spend", march));
        foreach (var kpi in new[] { "cac", "cost_per_lead", "cost_per_mql", "cost_per_sql", "roi", "overall_roi", "roas", "roac", "clv", "ltv_to_cac", "cac_payback_months" })
        {
            Assert.True(world.Total(kpi, march) is null, $"{kpi} has a value in an empty period");
        }
    }

    [Fact]
    public void Cac_FilteredToOneChannel_IsThatChannelsCac()
    {
        using var world = CacWorld();

        var result = world.Engine().Run(new MetricQuery("cac", KpiWorld.January) { Filters = [new Filter(Dimensions.Channel, ["paid_search"])] });

        Assert.Equal((1_000 + 200) / 3.0, result.Rows.Single().Total);
    }

    private static StageChange Entered(string contact, Stage stage, int day) =>
        new StageChangeBuilder(contact).Stage(stage).EnteredAt(day).Build();

    private static EventFact Visit(string id, string contact, string channel, int day) =>
        new EventBuilder(id).SessionStart().At(day).Contact(contact).Channel(channel).Build();

    /// <summary>
    /// January: customers c1-c3 (paid search), c4 (paid social), c5 (no channel); spend paid search
    /// 1,000 media + 200 creative, paid social 600, email 300 tools, service 5,000. February: c6
    /// (paid search) and 7,777 of paid search.
    /// </summary>
    private static KpiWorld CacWorld() => new KpiWorld().Add(
        Visit("e1", "c1", "paid_search", 2), Visit("e2", "c2", "paid_search", 3), Visit("e3", "c3", "paid_search", 4),
        Visit("e4", "c4", "paid_social", 5), new ContactBuilder("c5").Build(), Visit("e6", "c6", "paid_search", 6),
        Entered("c1", Stage.Customer, 10), Entered("c2", Stage.Customer, 11), Entered("c3", Stage.Customer, 12),
        Entered("c4", Stage.Customer, 13), Entered("c5", Stage.Customer, 14), Entered("c6", Stage.Customer, 40),
        new SpendBuilder("paid_search").On(1).Amount(1_000m).Build(),
        new SpendBuilder("paid_search").On(2).Kind(SpendKind.Creative).Amount(200m).Build(),
        new SpendBuilder("paid_social").On(3).Amount(600m).Build(),
        new SpendBuilder("email").On(4).Kind(SpendKind.Tools).Amount(300m).Build(),
        new SpendBuilder("customer_success").On(5).Kind(SpendKind.Service).Amount(5_000m).Build(),
        new SpendBuilder("paid_search").On(35).Amount(7_777m).Build());

    /// <summary>
    /// January: new deals won of 3,000 (r1, paid search), 2,000 (r2, organic search), 1,000 (no contact),
    /// an expansion of 5,000; spend paid search 1,000 media, email 500 tools, service 700.
    /// </summary>
    private static KpiWorld RoiWorld() => new KpiWorld().Add(
        Visit("e1", "r1", "paid_search", 2), Visit("e2", "r2", "organic_search", 3),
        new DealBuilder("d1").Contact("r1").Won(10, 3_000m).Build(),
        new DealBuilder("d2").Contact("r2").Won(11, 2_000m).Build(),
        new DealBuilder("d3").Won(12, 1_000m).Build(),
        new DealBuilder("x1").Contact("r1").Won(13, 5_000m).Type(DealType.Expansion).Build(),
        new SpendBuilder("paid_search").On(1).Amount(1_000m).Build(),
        new SpendBuilder("email").On(1).Kind(SpendKind.Tools).Amount(500m).Build(),
        new SpendBuilder("customer_success").On(1).Kind(SpendKind.Service).Amount(700m).Build());

    /// <summary>
    /// Subscriptions: A1-A4 (100, 200, 300, 400 MRR) since December, A2 ending on 15 January; A5 (500)
    /// and A6 (300) new in January. Customers c1, c2 (paid search) and c3, c4 (email) in January;
    /// spend paid search 1,500, email 500.
    /// </summary>
    private static KpiWorld ClvWorld() => new KpiWorld().Add(
        new SubscriptionBuilder("s1").Account("A1").StartedAt(-30).Mrr(100m).Build(),
        new SubscriptionBuilder("s2").Account("A2").StartedAt(-30).Mrr(200m).EndedAt(15).Build(),
        new SubscriptionBuilder("s3").Account("A3").StartedAt(-30).Mrr(300m).Build(),
        new SubscriptionBuilder("s4").Account("A4").StartedAt(-30).Mrr(400m).Build(),
        new SubscriptionBuilder("s5").Account("A5").StartedAt(10).Mrr(500m).Build(),
        new SubscriptionBuilder("s6").Account("A6").StartedAt(20).Mrr(300m).Build(),
        Visit("e1", "c1", "paid_search", 2), Visit("e2", "c2", "paid_search", 2),
        Visit("e3", "c3", "email", 2), Visit("e4", "c4", "email", 2),
        Entered("c1", Stage.Customer, 10), Entered("c2", Stage.Customer, 20),
        Entered("c3", Stage.Customer, 10), Entered("c4", Stage.Customer, 20),
        new SpendBuilder("paid_search").On(1).Amount(1_500m).Build(),
        new SpendBuilder("email").On(1).Kind(SpendKind.Tools).Amount(500m).Build());
}
