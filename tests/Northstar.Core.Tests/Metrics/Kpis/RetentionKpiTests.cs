using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>Churn, revenue churn, net revenue retention, renewal rate and NPS on small fixtures worked out by hand.</summary>
public class RetentionKpiTests
{
    /// <summary>February 2026: builder days 32 to 59.</summary>
    private static readonly DateRange February = KpiWorld.Days(32, 60);

    [Fact]
    public void ChurnRate_CustomerAcquiredBeforeThePeriod_CountsInNumeratorAndDenominator()
    {
        using var world = RetentionWorld();

        // Live on 1 February: A, B, C, D, the account-less subscription, G (six). Lost by 1 March: A and the account-less one.
        Assert.Equal(2.0 / 6, world.Total("churn_rate", February));
    }

    [Fact]
    public void RevenueChurnRate_LostAndDowngradedMrr_OverStartMrrWithoutExpansionOffset()
    {
        using var world = RetentionWorld();

        const double startMrr = 1_000 + 500 + (300 + 200) + 400 + 250 + 600;

        Assert.Equal((1_000 + 250 + 200) / startMrr, world.Total("revenue_churn_rate", February));
    }

    [Fact]
    public void NetRevenueRetention_ExpansionContractionAndChurn_EndMrrOfStartAccountsOverStartMrr()
    {
        using var world = RetentionWorld();

        const double startMrr = 1_000 + 500 + (300 + 200) + 400 + 250 + 600;
        const double expansion = 100, contraction = 200, churn = 1_000 + 250;

        Assert.Equal((startMrr + expansion - contraction - churn) / startMrr, world.Total("net_revenue_retention", February));
        Assert.Equal((0 + 500 + 300 + (400 + 100) + 0 + 600) / startMrr, world.Total("net_revenue_retention", February));
    }

    [Fact]
    public void RetentionKpis_BySegment_SubscriptionWithoutAccountFallsInNone()
    {
        using var world = RetentionWorld();

        var churn = world.By("churn_rate", February, Dimensions.Segment);
        var revenueChurn = world.By("revenue_churn_rate", February, Dimensions.Segment);

        Assert.Equal(1.0 / 2, churn["enterprise"]);
        Assert.Equal(0.0 / 3, churn["smb"]);
        Assert.Equal(1.0 / 1, churn[Dimensions.None]);
        Assert.Equal(1_000.0 / (1_000 + 600), revenueChurn["enterprise"]);
        Assert.Equal(200.0 / (500 + 500 + 400), revenueChurn["smb"]!.Value, precision: 12);
        Assert.Equal(250.0 / 250, revenueChurn[Dimensions.None]);
    }

    [Fact]
    public void ChurnRate_ByMonth_OnlyAccountsLiveAtEachMonthsStart()
    {
        using var world = RetentionWorld();

        var row = world.Engine().Run(new MetricQuery("churn_rate", KpiWorld.Days(1, 60), Grain.Month)).Rows.Single();

        // 1 January: only A (since September) is live; the rest start on 1 January itself or later.
        Assert.Equal<double?>([0.0 / 1, 2.0 / 6], row.Values);
    }

    [Fact]
    public void ChurnRate_AccountLeavesAndComesBackInThePeriod_IsNotLost()
    {
        using var world = new KpiWorld().Add(
            new SubscriptionBuilder("r1").Account("R").StartedAt(-10).EndedAt(40).Mrr(300m).Build(),
            new SubscriptionBuilder("r2").Account("R").StartedAt(45).Mrr(200m).Build(),
            new SubscriptionBuilder("q1").Account("Q").StartedAt(-10).EndedAt(50).Mrr(100m).Build());

        Assert.Equal(1.0 / 2, world.Total("churn_rate", February));
        Assert.Equal((100 + (300 - 200)) / (300.0 + 100), world.Total("revenue_churn_rate", February));
        Assert.Equal(200 / (300.0 + 100), world.Total("net_revenue_retention", February));
    }

    [Fact]
    public void RetentionKpis_EmptyPeriod_HaveNoValue()
    {
        using var world = RetentionWorld();
        var before = KpiWorld.Days(-200, -150);

        Assert.Null(world.Total("churn_rate", before));
        Assert.Null(world.Total("revenue_churn_rate", before));
        Assert.Null(world.Total("net_revenue_retention", before));
        Assert.Null(world.Total("renewal_rate", before));
        Assert.Null(world.Total("nps", before));
    }

    [Fact]
    public void RenewalRate_BySegment_RenewedOverDueWithAKnownOutcome()
    {
        using var world = new KpiWorld().Add(
            new AccountBuilder("acc1").Segment("enterprise").Build(),
            new SubscriptionBuilder("r1").Account("acc1").RenewalDue(10, renewed: true).Build(),
            new SubscriptionBuilder("r2").Account("acc1").RenewalDue(12, renewed: false).Build(),
            new SubscriptionBuilder("r3").RenewalDue(15, renewed: true).Build(),
            new SubscriptionBuilder("r4").Account("acc1").RenewalDue(20).Build(),
            new SubscriptionBuilder("r5").Account("acc1").RenewalDue(40, renewed: true).Build());

        var bySegment = world.By("renewal_rate", KpiWorld.January, Dimensions.Segment);

        Assert.Equal(2.0 / 3, world.Total("renewal_rate", KpiWorld.January));
        Assert.Equal(1.0 / 2, bySegment["enterprise"]);
        Assert.Equal(1.0 / 1, bySegment[Dimensions.None]);
    }

    [Fact]
    public void Nps_BySegment_PercentPromotersMinusPercentDetractors()
    {
        using var world = new KpiWorld().Add(
            new AccountBuilder("acc1").Segment("enterprise").Build(),
            new ContactBuilder("c1").Segment("smb").Build(),
            Answer("a1", 10, 3).By(null, "acc1").Build(),
            Answer("a2", 9, 4).By(null, "acc1").Build(),
            Answer("a3", 6, 5).By("c1").Build(),
            Answer("a4", 9, 6).Build(),
            Answer("a5", 8, 7).Build(),
            Answer("a6", 7, 8).Build(),
            Answer("a7", 2, 9).Build(),
            Answer("a8", 0, 40).Build());

        var bySegment = world.By("nps", KpiWorld.January, Dimensions.Segment);

        // Promoters 10, 9, 9; detractors 6, 2; passives 8, 7: seven answers.
        Assert.Equal((3 - 2) / 7.0 * 100, world.Total("nps", KpiWorld.January)!.Value, precision: 12);
        Assert.Equal((2 - 0) / 2.0 * 100, bySegment["enterprise"]);
        Assert.Equal((0 - 1) / 1.0 * 100, bySegment["smb"]);
        Assert.Equal((1 - 1) / 4.0 * 100, bySegment[Dimensions.None]);
    }

    private static SurveyAnswerBuilder Answer(string id, int score, int day) => new SurveyAnswerBuilder(id).Score(score).AnsweredAt(day);

    /// <summary>
    /// A (enterprise): 1,000 since September 2025, ends 14 February. B (smb): 500. C (smb): 300 + 200,
    /// the 200 ending 9 February. D (smb): 400, plus 100 from 19 February. E: starts and ends in
    /// February. An account-less 250 from 5 January to 24 February. F: ends 31 January. G (enterprise):
    /// 600 until 11 March.
    /// </summary>
    private static KpiWorld RetentionWorld() => new KpiWorld().Add(
        new AccountBuilder("A").Segment("enterprise").Build(),
        new AccountBuilder("B").Segment("smb").Build(),
        new AccountBuilder("C").Segment("smb").Build(),
        new AccountBuilder("D").Segment("smb").Build(),
        new AccountBuilder("G").Segment("enterprise").Build(),
        new SubscriptionBuilder("sA").Account("A").StartedAt(-100).EndedAt(45).Mrr(1_000m).Build(),
        new SubscriptionBuilder("sB").Account("B").StartedAt(1).Mrr(500m).Build(),
        new SubscriptionBuilder("sC1").Account("C").StartedAt(1).Mrr(300m).Build(),
        new SubscriptionBuilder("sC2").Account("C").StartedAt(1).EndedAt(40).Mrr(200m).Build(),
        new SubscriptionBuilder("sD1").Account("D").StartedAt(10).Mrr(400m).Build(),
        new SubscriptionBuilder("sD2").Account("D").StartedAt(50).Mrr(100m).Build(),
        new SubscriptionBuilder("sE").Account("E").StartedAt(40).EndedAt(50).Mrr(900m).Build(),
        new SubscriptionBuilder("sNoAccount").StartedAt(5).EndedAt(55).Mrr(250m).Build(),
        new SubscriptionBuilder("sF").Account("F").StartedAt(1).EndedAt(31).Mrr(800m).Build(),
        new SubscriptionBuilder("sG").Account("G").StartedAt(1).EndedAt(70).Mrr(600m).Build());
}
