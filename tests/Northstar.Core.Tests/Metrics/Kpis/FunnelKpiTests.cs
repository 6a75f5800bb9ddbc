using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>
/// Stage counts and period ratios over one small funnel (days are builder days; January is days 1-31):
/// c1 lead 2, MQL 5, SQL 9, opportunity 20, customer 40 (IQL filled at 5, SAL at 9, proposal at 40);
/// c2 lead 3, MQL 4 (IQL filled at 4); c3 lead 10, SQL 15 (IQL, MQL, SAL filled at 15);
/// c4 lead -11 (December), MQL 3; c5 lead 25 and nothing more; c6 lead -5, MQL 6.
/// </summary>
public class FunnelKpiTests
{
    [Theory]
    [InlineData("leads", 4)] // c1, c2, c3, c5
    [InlineData("iqls", 5)] // all filled: c1 5, c2 4, c3 15, c4 3, c6 6
    [InlineData("mqls", 5)] // c1 5, c2 4, c3 15 (skipped), c4 3, c6 6
    [InlineData("sals", 2)] // c1 9 (skipped), c3 15 (skipped)
    [InlineData("sqls", 2)] // c1 9, c3 15
    [InlineData("opportunities", 1)] // c1 20
    [InlineData("proposals", 0)] // c1's is filled at day 40: February
    [InlineData("customers", 0)]
    public void StageCount_January_CountsContactsEnteringTheStage(string kpi, int expected)
    {
        using var world = FunnelWorld();

        Assert.Equal(expected, world.Total(kpi, KpiWorld.January));
    }

    [Theory]
    [InlineData("leads", "Leads")]
    [InlineData("mqls", "MQLs")]
    [InlineData("opportunities", "Opportunities")]
    [InlineData("mql_to_sql_cohort_rate", "MQL to SQL rate (cohort)")]
    [InlineData("sql_to_opportunity_days_p90", "SQL to Opportunity days (p90)")]
    public void Find_FunnelKpi_HasItsDisplayName(string id, string name)
    {
        using var world = new KpiWorld();

        Assert.Equal(name, world.Engine().Find(id)!.Name);
    }

    [Fact]
    public void StageCounts_February_CountTheSkippedProposalWithTheCustomer()
    {
        using var world = FunnelWorld();
        var february = KpiWorld.Days(32, 60);

        Assert.Equal(1, world.Total("proposals", february));
        Assert.Equal(1, world.Total("customers", february));
        Assert.Equal(0, world.Total("leads", february));
    }

    [Fact]
    public void PeriodRate_LeadToMql_CanExceedOneHundredPercent()
    {
        using var world = FunnelWorld();

        var rate = world.Total("lead_to_mql_rate", KpiWorld.January);

        Assert.Equal(5.0 / 4, rate); // 5 MQLs (two of December's leads) / 4 leads
    }

    [Theory]
    [InlineData("mql_to_sal_rate", 2.0 / 5)]
    [InlineData("mql_to_sql_rate", 2.0 / 5)]
    [InlineData("sal_to_sql_rate", 2.0 / 2)]
    [InlineData("sql_to_opportunity_rate", 1.0 / 2)]
    [InlineData("lead_to_customer_rate", 0.0 / 4)]
    [InlineData("opportunity_to_proposal_rate", 0.0 / 1)]
    public void PeriodRate_January_IsEnteredBOverEnteredA(string kpi, double expected)
    {
        using var world = FunnelWorld();

        Assert.Equal(expected, world.Total(kpi, KpiWorld.January));
    }

    [Fact]
    public void PeriodRate_ProposalToCustomerInFebruary_IsWinRateOfTheMonth()
    {
        using var world = FunnelWorld();

        Assert.Equal(1.0 / 1, world.Total("proposal_to_customer_rate", KpiWorld.Days(32, 60))); // c1's proposal and win
    }

    [Fact]
    public void PeriodRate_NoContactsEnteringTheFromStage_HasNoValue()
    {
        using var world = FunnelWorld();

        Assert.Null(world.Total("opportunity_to_proposal_rate", KpiWorld.Days(60, 90)));
    }

    [Fact]
    public void VisitorToLeadRate_January_IsLeadsOverDistinctVisitors()
    {
        using var world = FunnelWorld();
        world.Add(
            new EventBuilder("s1").SessionStart().At(day: 2).Anonymous("a1").Build(),
            new EventBuilder("s2").SessionStart().At(day: 6).Anonymous("a1").Build(),
            new EventBuilder("s3").SessionStart().At(day: 7).Anonymous("a2").Build(),
            new EventBuilder("s4").SessionStart().At(day: 8).Contact("c7").Build(),
            new EventBuilder("s5").SessionStart().At(day: 9).Anonymous("a3").Build(),
            new EventBuilder("s6").SessionStart().At(day: 9).Anonymous("a4").Build(),
            new EventBuilder("s7").SessionStart().At(day: 10).Anonymous("a5").Build(),
            new EventBuilder("s8").SessionStart().At(day: 11).Anonymous("a6").Build(),
            new EventBuilder("s9").SessionStart().At(day: 12).Anonymous("a7").Build());

        var rate = world.Total("visitor_to_lead_rate", KpiWorld.January);

        Assert.Equal(4.0 / 8, rate); // 4 leads / 8 visitors (a1..a7 and c7)
    }

    [Fact]
    public void Leads_ByChannel_UsesFirstTouchElseContactColumnElseNone()
    {
        using var world = FunnelWorld();
        world.Add(
            new ContactBuilder("c1").Channel("email").Build(),
            new ContactBuilder("c2").Channel("email").Build(),
            new EventBuilder("t2").SessionStart().At(day: 1).Contact("c2").Channel("organic_search").Build(),
            new ContactBuilder("c3").Channel("paid_search").Build());

        var byChannel = world.By("leads", KpiWorld.January, Dimensions.Channel);

        Assert.Equal(1, byChannel["email"]); // c1 by its own column
        Assert.Equal(1, byChannel["organic_search"]); // c2's first touch beats its column
        Assert.Equal(1, byChannel["paid_search"]);
        Assert.Equal(1, byChannel[Dimensions.None]); // c5 has no channel at all
    }

    [Fact]
    public void Leads_BySegment_UsesTheContactsSegmentElseItsAccounts()
    {
        using var world = FunnelWorld();
        world.Add(
            new ContactBuilder("c1").Segment("smb").Build(),
            new ContactBuilder("c2").Account("acc1").Build(),
            new AccountBuilder("acc1").Segment("enterprise").Build(),
            new ContactBuilder("c5").Segment("enterprise").Account("acc2").Build(),
            new AccountBuilder("acc2").Segment("smb").Build());
        var notEnterprise = new MetricQuery("leads", KpiWorld.January) { Filters = [new Filter(Dimensions.Segment, ["enterprise"], Negated: true)] };

        var bySegment = world.By("leads", KpiWorld.January, Dimensions.Segment);
        var others = world.Engine().Run(notEnterprise).Rows.Single().Total;

        Assert.Equal(2, bySegment["enterprise"]); // c2 by its account, c5 by its own column
        Assert.Equal(1, bySegment["smb"]); // c1
        Assert.Equal(1, bySegment[Dimensions.None]); // c3
        Assert.Equal(1 + 1, others); // c1, c3
    }

    [Fact]
    public void Leads_ByChannelComparedWithDecember_OverallRowCarriesTheChange()
    {
        using var world = FunnelWorld();

        var result = world.Engine().Run(new MetricQuery("leads", KpiWorld.January) { By = Dimensions.Channel, CompareWith = KpiWorld.December });

        Assert.Equal(4, result.Overall!.Total); // c1, c2, c3, c5
        Assert.Equal(2, result.Overall.Change!.Previous); // c4, c6
        Assert.Equal(4 - 2, result.Overall.Change.Absolute);
    }

    [Fact]
    public void MeetingsBooked_January_CountsMeetingBookedEvents()
    {
        using var world = new KpiWorld();
        world.Add(
            new EventBuilder("m1").Type(EventType.MeetingBooked).At(day: 4).Contact("c1").Build(),
            new EventBuilder("m2").Type(EventType.MeetingBooked).At(day: 31, hour: 23).Contact("c2").Build(),
            new EventBuilder("m3").Type(EventType.MeetingBooked).At(day: 32).Contact("c3").Build());

        Assert.Equal(2, world.Total("meetings_booked", KpiWorld.January));
    }

    [Fact]
    public void EmailSuccessRate_January_IsRepliesPlusClicksOverSent()
    {
        using var world = new KpiWorld();
        var facts = new List<IFact>();
        for (var i = 0; i < 10; i++)
        {
            facts.Add(new EventBuilder($"sent{i}").Type(EventType.EmailSent).At(day: 3).Contact($"c{i}").Build());
        }

        facts.Add(new EventBuilder("click1").Type(EventType.EmailClick).At(day: 4).Contact("c1").Build());
        facts.Add(new EventBuilder("click2").Type(EventType.EmailClick).At(day: 4).Contact("c2").Build());
        facts.Add(new EventBuilder("reply1").Type(EventType.EmailReply).At(day: 5).Contact("c3").Build());
        world.Add([.. facts]);

        Assert.Equal((1.0 + 2) / 10, world.Total("email_success_rate", KpiWorld.January));
    }

    [Fact]
    public void EmailSuccessRate_NoEmailsSent_HasNoValue()
    {
        using var world = new KpiWorld();
        world.Add(new EventBuilder("click1").Type(EventType.EmailClick).At(day: 4).Contact("c1").Build());

        Assert.Null(world.Total("email_success_rate", KpiWorld.January));
    }

    [Fact]
    public void IcpLeads_January_CountsLeadsThatFitTheProfile()
    {
        using var world = FunnelWorld();
        world.Add(
            new ContactBuilder("c1").IcpFit(true).Build(),
            new ContactBuilder("c2").IcpFit(false).Build(),
            new ContactBuilder("c3").IcpFit(null).Build(),
            new ContactBuilder("c5").IcpFit(true).Build(),
            new ContactBuilder("c6").IcpFit(true).Build());

        Assert.Equal(2, world.Total("icp_leads", KpiWorld.January)); // c1, c5; c6 fits but became a lead in December
    }

    [Fact]
    public void Referrals_January_CountsLeadsFromCustomerReferral()
    {
        using var world = FunnelWorld();
        world.Add(
            new ContactBuilder("c2").Utm("customer_referral").Build(),
            new ContactBuilder("c3").Channel("customer_referral").Build(),
            new ContactBuilder("c6").Utm("customer_referral").Build());

        Assert.Equal(2, world.Total("referrals", KpiWorld.January)); // c2, c3; c6's lead is December's
    }

    [Fact]
    public void NewToLostRatio_ChurnOfCustomerAcquiredBeforeThePeriod_CountsAsLost()
    {
        using var world = new KpiWorld();
        world.Add(
            new StageChangeBuilder("new1").Stage(Stage.Customer).EnteredAt(day: 10).Build(),
            new StageChangeBuilder("new2").Stage(Stage.Customer).EnteredAt(day: 12).Build(),
            new StageChangeBuilder("old").Stage(Stage.Customer).EnteredAt(day: -100).Build(),
            new StageChangeBuilder("old").Stage(Stage.Churned).EnteredAt(day: 20).Build());

        Assert.Equal(2.0 / 1, world.Total("new_to_lost_ratio", KpiWorld.January));
    }

    [Fact]
    public void NewToLostRatio_NoChurn_HasNoValue()
    {
        using var world = new KpiWorld();
        world.Add(new StageChangeBuilder("new1").Stage(Stage.Customer).EnteredAt(day: 10).Build());

        Assert.Null(world.Total("new_to_lost_ratio", KpiWorld.January));
    }

    [Fact]
    public void StageCount_EmptyPeriod_IsZeroWithNoColumns()
    {
        using var world = FunnelWorld();
        var empty = KpiWorld.Days(5, 5);

        var result = world.Engine().Run(new MetricQuery("leads", empty, Grain.Day));

        Assert.Empty(result.Columns);
        Assert.Equal(0, result.Rows.Single().Total);
    }

    internal static KpiWorld FunnelWorld()
    {
        var world = new KpiWorld();
        world.Add(
            Enter("c1", Stage.Lead, 2), Enter("c1", Stage.Mql, 5), Enter("c1", Stage.Sql, 9),
            Enter("c1", Stage.Opportunity, 20), Enter("c1", Stage.Customer, 40),
            Enter("c2", Stage.Lead, 3), Enter("c2", Stage.Mql, 4),
            Enter("c3", Stage.Lead, 10), Enter("c3", Stage.Sql, 15),
            Enter("c4", Stage.Lead, -11), Enter("c4", Stage.Mql, 3),
            Enter("c5", Stage.Lead, 25),
            Enter("c6", Stage.Lead, -5), Enter("c6", Stage.Mql, 6));
        return world;
    }

    internal static StageChange Enter(string contact, Stage stage, int day, int hour = 0) =>
        new StageChangeBuilder(contact).Stage(stage).EnteredAt(day, hour).Build();
}
