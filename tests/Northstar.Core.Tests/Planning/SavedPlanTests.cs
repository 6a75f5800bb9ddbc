using Northstar.Core.Metrics.Periods;
using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Planning;

public sealed class SavedPlanTests
{
    private static readonly DateTimeOffset SavedAt = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    private static FunnelPlan WorkedPlan(PlanSplit? split = null, FunnelRates? rates = null) =>
        FunnelPlan.Create(Period.Year(2026), new FiscalCalendar(), WorkedExample.Goal, new DealSize(WorkedExample.DealSize, PlanSource.Typed), rates ?? WorkedExample.Rates, split, 6000).Plan!;

    [Fact]
    public void Rebuild_AfterJsonRoundTrip_GivesTheSameNumbers()
    {
        var weights = new[] { 0.5, 0.7, 0.9, 1.1, 1.3, 1.0, 0.8, 0.6, 1.2, 1.4, 1.5, 1.0 };
        var history = new StepRate(FunnelStep.Mqls, 1.0 / 3, new PlanSource(PlanSourceKind.History, "sqls / mqls over 2025-01-01..2025-12-31"));
        var original = WorkedPlan(new PlanSplit(PlanSplitMode.Seasonal, "sessions of 2025", weights), WorkedExample.Rates.With(history));

        var json = SavedPlanJson.Write(SavedPlan.From(original, SavedAt));
        var saved = SavedPlanJson.Read(json, out var error);
        var rebuilt = saved!.Rebuild(new FiscalCalendar()).Plan!;

        Assert.Null(error);
        Assert.Equal("plan 2026 saved 2026-01-05", saved.Label);
        Assert.Equal(original.Period, rebuilt.Period);
        Assert.Equal(original.Months.Select(m => m.Counts.Values), rebuilt.Months.Select(m => m.Counts.Values));
        Assert.Equal(original.Quarters.Select(q => q.Counts.Values), rebuilt.Quarters.Select(q => q.Counts.Values));
        Assert.Equal(1.0 / 3, rebuilt.Rates[FunnelStep.Mqls].Rate);
        Assert.Equal(PlanSourceKind.History, rebuilt.Rates[FunnelStep.Mqls].Source.Kind);
        Assert.Equal("sqls / mqls over 2025-01-01..2025-12-31", rebuilt.Rates[FunnelStep.Mqls].Source.Description);
        Assert.Equal(6000, rebuilt.Forward!.SessionsPerMonth);
        Assert.Equal(1_100_000m, rebuilt.DealSize.Amount);
    }

    [Fact]
    public void Rebuild_RateEditedAboveOne_ReportsTheProblem()
    {
        var saved = SavedPlan.From(WorkedPlan(), SavedAt);
        var edited = saved with { Rates = [.. saved.Rates.Take(4), new SavedRate(1.5, PlanSourceKind.Typed, "typed in")] };

        var outcome = edited.Rebuild(new FiscalCalendar());

        Assert.False(outcome.IsSuccess);
        Assert.Contains(outcome.Problems, p => p.Message.Contains("Opportunities -> Customers", StringComparison.Ordinal));
    }

    [Fact]
    public void Rebuild_FourRates_ReportsTheCount()
    {
        var saved = SavedPlan.From(WorkedPlan(), SavedAt);

        var outcome = (saved with { Rates = [.. saved.Rates.Take(4)] }).Rebuild(new FiscalCalendar());

        Assert.False(outcome.IsSuccess);
        Assert.Contains(outcome.Problems, p => p.Message.Contains("has 4 rates", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"period_label\":\"2026\"}")]
    public void Read_NotAPlan_IsNullWithTheReason(string json)
    {
        var saved = SavedPlanJson.Read(json, out var error);

        Assert.Null(saved);
        Assert.StartsWith("the saved plan is not a plan", error, StringComparison.Ordinal);
    }
}
