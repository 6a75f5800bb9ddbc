using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;
using Northstar.Core.Tests.Metrics.Kpis;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Planning;

/// <summary>
/// January 2026 (builder days 1-31), counted by hand:
/// email: 10 sessions, c1-c4 first touch; organic_search: 30 sessions, c5-c8 first touch.
/// Leads c1-c8 (8); MQLs c1, c2, c3, c5 (4); SQLs c1, c2 (2); opportunities c1, c2 (2); customer c1 (1).
/// Deals won: 1,000 and 3,000 (mean 2,000).
/// Overall rates 40/8 -> 0.2, 4/8 = 0.5, 2/4 = 0.5, 2/2 = 1, 1/2 = 0.5; email 4/10, 3/4, 2/3, 2/2, 1/2.
/// </summary>
public sealed class PlanHistoryTests
{
    private static readonly Period Q2 = Period.Quarter(2026, 2);

    [Fact]
    public void Read_January_CountsAndPeriodRatios()
    {
        using var world = Fixture();

        var history = PlanHistory.Read(world.Engine(), KpiWorld.January);

        Assert.Equal([40.0, 8, 4, 2, 2, 1], history.Counts.Values);
        Assert.Equal([0.2, 0.5, 0.5, 1.0, 0.5], history.Rates.Steps.Select(r => r.Rate));
        Assert.Equal(2_000m, history.DealSize!.Amount);
        Assert.Equal(2, history.DealSize.Source.Basis);
        Assert.Equal(8, history.Rates[FunnelStep.Leads].Source.Basis);
        Assert.Equal("mqls / leads", history.Rates[FunnelStep.Leads].Source.Formula);
        Assert.Contains("4 / 8", history.Rates[FunnelStep.Leads].Source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmailChannel_ItsOwnRates()
    {
        using var world = Fixture();

        var history = PlanHistory.Read(world.Engine(), KpiWorld.January, "email");

        Assert.Equal([10.0, 4, 3, 2, 2, 1], history.Counts.Values);
        Assert.Equal("email", history.Rates[FunnelStep.Sessions].Source.Channel);
    }

    [Fact]
    public void Build_RatesAndDealSizeFromHistory_PlansBackwards()
    {
        using var world = Fixture();

        var plan = Planner.Build(world.Engine(), Q2, new PlanRequest(20_000m) { Lookback = KpiWorld.January }).Plan!;

        // 20,000 / 2,000 = 10 customers; / 0.5 = 20 opportunities; / 1 = 20 SQLs; / 0.5 = 40 MQLs; / 0.5 = 80 leads; / 0.2 = 400 sessions.
        Assert.Equal([400.0, 80, 40, 20, 20, 10], plan.Total.Values.Select(v => Math.Round(v, 10)));
        Assert.Equal(PlanSourceKind.History, plan.DealSize.Source.Kind);
        Assert.Equal(["2026-04", "2026-05", "2026-06"], plan.Months.Select(m => m.Label));
    }

    [Fact]
    public void Build_OneTypedRate_KeepsItAndReadsTheOthers()
    {
        using var world = Fixture();

        var plan = Planner.Build(world.Engine(), Q2, new PlanRequest(20_000m)
        {
            Lookback = KpiWorld.January,
            Rates = [0.1, null, null, null, null],
        }).Plan!;

        Assert.Equal(PlanSourceKind.Typed, plan.Rates[FunnelStep.Sessions].Source.Kind);
        Assert.Equal(PlanSourceKind.History, plan.Rates[FunnelStep.Leads].Source.Kind);
        Assert.Equal(800, plan.Total[FunnelStep.Sessions], precision: 10);
    }

    [Fact]
    public void Build_ByChannel_EmailTakesTheWholeGoalOrganicHasNoShare()
    {
        using var world = Fixture();

        var plan = Planner.Build(world.Engine(), Q2, new PlanRequest(20_000m) { Lookback = KpiWorld.January, ByChannel = true }).Plan!;

        var email = Assert.Single(plan.Channels);
        Assert.Equal("email", email.Channel);
        Assert.Equal(1.0, email.GoalShare);

        // 10 customers / 0.5 = 20 opps / 1 = 20 SQLs / (2/3) = 30 MQLs / 0.75 = 40 leads / 0.4 = 100 sessions.
        Assert.Equal([100.0, 40, 30, 20, 20, 10], email.Needed!.Values.Select(v => Math.Round(v, 10)));
    }

    [Fact]
    public void Build_LookbackWithoutData_SaysSo()
    {
        using var world = Fixture();

        var outcome = Planner.Build(world.Engine(), Q2, new PlanRequest(20_000m) { Lookback = KpiWorld.December });

        var problem = Assert.Single(outcome.Problems);
        Assert.Contains("has no data", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HistoryWithoutLeadsBeyondSessions_RateNotKnownNamesTheStep()
    {
        using var world = KpiWorld.WithSessions(2, 3, 4);

        var outcome = Planner.Build(world.Engine(), Q2, new PlanRequest(20_000m) { Lookback = KpiWorld.January, DealSize = 1_000m });

        Assert.Contains(outcome.Problems, p => p.Step == FunnelStep.Sessions && p.Message.Contains("Sessions -> Leads rate from history", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.Step == FunnelStep.Leads && p.Message.Contains("not known", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_CohortBasis_LeadToMqlIsTheCohortShareNotThePeriodRatio()
    {
        // c1 lead in December, MQL 3 January; c2 lead 2, MQL 4 January; c3 lead 5 January, nothing more.
        // January: 2 leads (c2, c3), 2 MQLs (c1, c2): period ratio 2 / 2 = 1; cohort: of c2 and c3, c2 = 1 / 2.
        using var world = new KpiWorld();
        world.Add(
            new StageChangeBuilder("c1").Stage(Stage.Lead).EnteredAt(day: -5).Build(), new StageChangeBuilder("c1").Stage(Stage.Mql).EnteredAt(day: 3).Build(),
            new StageChangeBuilder("c2").Stage(Stage.Lead).EnteredAt(day: 2).Build(), new StageChangeBuilder("c2").Stage(Stage.Mql).EnteredAt(day: 4).Build(),
            new StageChangeBuilder("c3").Stage(Stage.Lead).EnteredAt(day: 5).Build());

        var period = PlanHistory.Read(world.Engine(), KpiWorld.January);
        var cohort = PlanHistory.Read(world.Engine(), KpiWorld.January, basis: RateBasis.Cohort);

        Assert.Equal(1.0, period.Rates[FunnelStep.Leads].Rate);
        Assert.Equal(0.5, cohort.Rates[FunnelStep.Leads].Rate);
        Assert.Equal("lead_to_mql_cohort_rate", cohort.Rates[FunnelStep.Leads].Source.Formula);
        Assert.Equal("leads / sessions", cohort.Rates[FunnelStep.Sessions].Source.Formula);
    }

    [Fact]
    public void DefaultLookback_PlanStartsBeforeThisMonth_TwelveMonthsBeforeThePlan()
    {
        var lookback = PlanHistory.DefaultLookback(Period.Year(2026).Range, new DateOnly(2026, 11, 22));

        Assert.Equal(new DateRange(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)), lookback);
    }

    [Fact]
    public void DefaultLookback_PlanInTheFuture_EndsAtThisMonth()
    {
        var lookback = PlanHistory.DefaultLookback(Period.Year(2027).Range, new DateOnly(2026, 11, 22), months: 6);

        Assert.Equal(new DateRange(new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 1)), lookback);
    }

    private static KpiWorld Fixture()
    {
        var world = new KpiWorld();
        var facts = new List<IFact>();
        for (var i = 0; i < 40; i++)
        {
            var email = i < 10;
            var contact = i < 4 ? $"c{i + 1}" : i is >= 10 and < 14 ? $"c{i - 5}" : null;
            facts.Add(new EventBuilder($"s{i}").SessionStart().At(day: 1 + (i % 20), hour: 8).Anonymous($"a{i}").Contact(contact)
                .Channel(email ? "email" : "organic_search").Build());
        }

        for (var c = 1; c <= 8; c++)
        {
            facts.Add(new StageChangeBuilder($"c{c}").Stage(Stage.Lead).EnteredAt(day: 22).Build());
        }

        foreach (var (contact, stage, day) in new[]
        {
            ("c1", Stage.Mql, 23), ("c2", Stage.Mql, 23), ("c3", Stage.Mql, 23), ("c5", Stage.Mql, 23),
            ("c1", Stage.Sql, 24), ("c2", Stage.Sql, 24), ("c1", Stage.Opportunity, 25), ("c2", Stage.Opportunity, 25),
            ("c1", Stage.Customer, 28),
        })
        {
            facts.Add(new StageChangeBuilder(contact).Stage(stage).EnteredAt(day).Build());
        }

        facts.Add(new DealBuilder("d1").Contact("c1").CreatedAt(day: 25).Won(day: 28, amount: 1_000m).Build());
        facts.Add(new DealBuilder("d2").Contact("c2").CreatedAt(day: 25).Won(day: 29, amount: 3_000m).Build());
        world.Add([.. facts]);
        return world;
    }
}
