using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Tests.Metrics.Kpis;

namespace Northstar.Core.Tests.Goals;

/// <summary>What a goal must be before it is saved, and the messages bad input gets.</summary>
public class GoalValidatorTests
{
    private static readonly DateOnly Today = GoalWorld.January11;

    [Fact]
    public void Check_GoodGoalWithThreeSubMetrics_ValidWithTheFocusWarning()
    {
        var goal = new Goal("leads-2026", "leads", 1200, "2026") { SubMetrics = ["sessions", "visitor_to_lead_rate", "mqls", "sessions"] };

        var check = Check(goal);

        Assert.True(check.IsValid);
        Assert.Equal(["sessions", "visitor_to_lead_rate", "mqls"], check.Goal!.SubMetrics);
        var warning = Assert.Single(check.Warnings);
        Assert.Contains("focus: one KPI, at most two sub-metrics", warning, StringComparison.Ordinal);
        Assert.Contains("splits the team's attention", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Check_TargetNotAboveZero_Refused(double target)
    {
        var check = Check(new Goal("g", "leads", target, "2026"));

        Assert.False(check.IsValid);
        Assert.Null(check.Goal);
        Assert.StartsWith("the target must be a number above 0", Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownKpi_NamesTheCloseMatches()
    {
        var check = Check(new Goal("g", "leeds", 1200, "2026") { SubMetrics = ["sesions"] });

        Assert.Equal(2, check.Errors.Count);
        Assert.StartsWith("unknown KPI 'leeds'; did you mean leads", check.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("unknown sub-metric 'sesions'; did you mean sessions", check.Errors[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-Q5", "bad period '2026-Q5': ")]
    [InlineData("", "bad period '': ")]
    [InlineData("2026-W05", "a goal covers a month, quarter, half or year (calendar or fiscal); '2026-W05' is a week")]
    [InlineData("2026-01-05", "a goal covers a month, quarter, half or year (calendar or fiscal); '2026-01-05' is a day")]
    public void Check_BadPeriod_Refused(string period, string message)
    {
        var check = Check(new Goal("g", "leads", 1200, period));

        Assert.StartsWith(message, Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Leads 2026")]
    [InlineData("-leads")]
    [InlineData("")]
    public void Check_IdNotASlug_Refused(string id)
    {
        Assert.Contains("must be a slug", Assert.Single(Check(new Goal(id, "leads", 1200, "2026")).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FiscalAndRelativePeriods_SavedByTheirCanonicalLabel()
    {
        using var world = new KpiWorld();
        var fiscal = world.Engine(new MetricOptions { FiscalYearStartMonth = 4 });

        var year = GoalValidator.Check(new Goal("g", "leads", 1200, "fy2026"), fiscal, [], Today);
        var quarter = GoalValidator.Check(new Goal("g", "leads", 300, "this-quarter"), world.Engine(), [], Today);

        Assert.Equal(4, year.Period!.Range.Start.Month);
        Assert.Equal(365, year.Period.Range.Days);
        Assert.Equal(year.Period.Label, year.Goal!.Period);
        Assert.StartsWith("FY", year.Goal.Period, StringComparison.Ordinal);
        Assert.Equal("2026-Q1", quarter.Goal!.Period);
    }

    [Fact]
    public void Check_Parents_UnknownSelfAndLoopRefused()
    {
        Goal[] saved = [new("a", "leads", 100, "2026") { ParentId = "b" }, new("b", "leads", 200, "2026")];

        Assert.Equal("unknown parent goal 'nope' (goals: a, b)", Assert.Single(Check(new Goal("c", "leads", 1, "2026") { ParentId = "nope" }, saved).Errors));
        Assert.Equal("the goal 'c' cannot be its own parent", Assert.Single(Check(new Goal("c", "leads", 1, "2026") { ParentId = "c" }, saved).Errors));
        Assert.Equal("the parent 'a' would make a loop: b -> a -> b", Assert.Single(Check(new Goal("b", "leads", 200, "2026") { ParentId = "a" }, saved).Errors));
        Assert.True(Check(new Goal("c", "leads", 1, "2026") { ParentId = "a" }, saved).IsValid);
    }

    [Fact]
    public void Check_DownIsGoodKpiAndPastPeriod_WarnsOfTheCeilingAndTheFinalResult()
    {
        var check = Check(new Goal("cac-2025", "cac", 300, "2025"));

        Assert.True(check.IsValid);
        Assert.Contains("cac is better when lower: the target 300 is a ceiling (on track while the KPI stays at or below it)", check.Warnings);
        Assert.Contains("the period 2025 ended on 2025-12-31: pacing shows its final result", check.Warnings);
    }

    [Fact]
    public void Check_MonthWeightsNotTwelve_Refused()
    {
        var check = Check(new Goal("g", "leads", 1200, "2026") { MonthWeights = [1, 2, 3] });

        Assert.Contains("twelve month weights", Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    private static GoalCheck Check(Goal goal, IReadOnlyList<Goal>? saved = null)
    {
        using var world = new KpiWorld();
        return GoalValidator.Check(goal, world.Engine(), saved ?? [], Today);
    }
}
