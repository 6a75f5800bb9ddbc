using System.Globalization;
using Northstar.Core.Metrics;
using Northstar.Core.Planning;

namespace Northstar.Core.Diagnostics;

/// <summary>
/// Finds a period's bottleneck: each step's volume and step-to-step conversion against the plan,
/// and the stage whose shortfall loses the most customers downstream. Rates are period ratios
/// (contacts entering the next step in the period / contacts entering the step in the period),
/// the way the plan is written, so a quarter is read as soon as it is over; a change of a rate
/// shows fully once contacts entering before it have moved on (up to the stage's delay).
/// </summary>
public static class FunnelDiagnostics
{
    /// <summary>
    /// Diagnoses <paramref name="period"/> against <paramref name="plan"/>, counting each step through
    /// the engine. While the period is not over, planned sessions are pro-rated by the days elapsed.
    /// </summary>
    public static FunnelDiagnosis Diagnose(MetricsEngine engine, DateRange period, DiagnosisPlan plan, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(plan);
        var notes = new List<string>();
        var today = engine.Today;
        var counted = period;
        if (today <= period.Start)
        {
            notes.Add("The period has not started: nothing to diagnose yet.");
            return Diagnose(new FunnelCounts(new double[FunnelSteps.All.Count]), period, plan with { Sessions = 0 }, label, notes);
        }

        if (today < period.End)
        {
            counted = new DateRange(period.Start, today);
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"The period is not over: {counted.Days} of {period.Days} days counted, planned sessions pro-rated to them."));
            plan = plan with { Sessions = plan.Sessions * counted.Days / period.Days };
        }

        return Diagnose(FunnelCounts.Read(engine, counted), period, plan, label, notes);
    }

    /// <summary>
    /// Diagnoses against a plan from history (<see cref="FunnelHistory.Plan"/>); null, with the reason in
    /// <paramref name="problem"/>, when the history cannot give one.
    /// </summary>
    public static FunnelDiagnosis? DiagnoseFromHistory(
        MetricsEngine engine, DateRange period, out string? problem, HistoryBasis basis = HistoryBasis.PreviousFourPeriods, string? label = null)
    {
        var plan = FunnelHistory.Plan(engine, period, basis, out problem);
        return plan is null ? null : Diagnose(engine, period, plan, label);
    }

    /// <summary>Diagnoses counted volumes against a plan (no I/O; what <see cref="Diagnose(MetricsEngine, DateRange, DiagnosisPlan, string?)"/> ends with).</summary>
    public static FunnelDiagnosis Diagnose(FunnelCounts actual, DateRange period, DiagnosisPlan plan, string? label = null, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(plan);
        var problems = plan.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(plan));
        }

        var stages = FunnelSteps.All.Select(step => Stage(step, actual, plan)).ToList();
        var worst = stages.MaxBy(s => s.CustomersLost);
        var bottleneck = worst is { CustomersLost: > 0 } ? worst : null;
        return new FunnelDiagnosis(
            period, label ?? period.ToString(), plan, stages, bottleneck, bottleneck is null ? null : FocusAreas.For(bottleneck.Step),
            [.. notes ?? [], $"Plan: {plan.Source}."]);
    }

    private static StageDiagnosis Stage(FunnelStep step, FunnelCounts actual, DiagnosisPlan plan)
    {
        var volume = actual[step];
        var downstream = plan.ChainFrom(step);
        if (step == FunnelStep.Sessions)
        {
            var missing = plan.Sessions - volume;
            var lost = missing * downstream;
            var why = string.Create(
                CultureInfo.InvariantCulture,
                $"Sessions: {volume:N0} against {plan.Sessions:N0} planned: {Math.Abs(missing):N0} {(missing >= 0 ? "fewer" : "more")} sessions, {Customers(lost)}");
            return new StageDiagnosis(step, null, volume, null, null, plan.Sessions, missing, lost, why);
        }

        var entering = actual[step - 1];
        var planned = plan.Rate(step - 1);
        double? rate = entering > 0 ? volume / entering : null;
        var expected = planned * entering;
        var shortfall = expected - volume;
        var customersLost = shortfall * downstream;
        var label = $"{FunnelSteps.Label(step - 1)} -> {FunnelSteps.Label(step)}";
        var text = rate is { } r
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{label} converted {Percent(r)} against {Percent(planned)} planned: {Math.Abs(shortfall):N0} {(shortfall >= 0 ? "fewer" : "more")} {FunnelSteps.Label(step)}, {Customers(customersLost)}")
            : $"{label}: no {FunnelSteps.Label(step - 1)} in the period, so no rate.";
        return new StageDiagnosis(step, entering, volume, planned, rate, expected, shortfall, customersLost, text);
    }

    private static string Percent(double rate) => (rate * 100).ToString(rate < 0.1 ? "0.0#" : "0.#", CultureInfo.InvariantCulture) + "%";

    private static string Customers(double lost) => string.Create(
        CultureInfo.InvariantCulture, $"about {Math.Abs(lost):0.0} customers {(lost >= 0 ? "lost" : "gained")}");
}
