using System.Globalization;
using Northstar.Core.Metrics;
using Northstar.Core.Planning;

namespace Northstar.Core.Diagnostics;

/// <summary>
/// A plan from history, for when none is set: the rates are pooled period ratios of the history
/// (sum of next-step counts / sum of step counts) and the sessions are the history's mean per period.
/// </summary>
public static class FunnelHistory
{
    /// <summary>
    /// The plan for <paramref name="period"/> from the history <paramref name="basis"/> names.
    /// A history period is one of the same length in months as <paramref name="period"/> (a quarter:
    /// the four quarters before it, or the same quarter a year before). Null, with the reason in
    /// <paramref name="problem"/>, when the history has a step with no volume (no rate can come from it).
    /// </summary>
    public static DiagnosisPlan? Plan(MetricsEngine engine, DateRange period, HistoryBasis basis, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var ranges = Ranges(period, basis);
        var counts = FunnelCounts.Sum(FunnelCounts.ReadMany(engine, ranges));
        var source = string.Create(
            CultureInfo.InvariantCulture,
            $"history of the {(basis == HistoryBasis.SamePeriodLastYear ? "same period last year" : "previous four periods")}, {ranges[0].Start:yyyy-MM-dd}..{ranges[^1].End.AddDays(-1):yyyy-MM-dd}");
        return FromCounts(counts, ranges.Count, source, out problem);
    }

    /// <summary>The plan from pooled history counts covering <paramref name="periods"/> periods.</summary>
    public static DiagnosisPlan? FromCounts(FunnelCounts counts, int periods, string source, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        var rates = new Dictionary<FunnelStep, double>();
        foreach (var step in FunnelSteps.All.Where(s => s != FunnelStep.Customers))
        {
            if (counts[step] <= 0 || counts[step + 1] <= 0)
            {
                problem = $"The {source} has no {FunnelSteps.Label(counts[step] <= 0 ? step : step + 1)}: no plan can come from it.";
                return null;
            }

            rates[step] = counts[step + 1] / counts[step];
            if (rates[step] > 1)
            {
                problem = $"In the {source} more {FunnelSteps.Label(step + 1)} than {FunnelSteps.Label(step)} were counted: no rate below 100% can come from it.";
                return null;
            }
        }

        problem = null;
        return new DiagnosisPlan(counts[FunnelStep.Sessions] / periods, rates, source);
    }

    /// <summary>The history periods, oldest first.</summary>
    public static IReadOnlyList<DateRange> Ranges(DateRange period, HistoryBasis basis)
    {
        if (basis == HistoryBasis.SamePeriodLastYear)
        {
            return [new DateRange(period.Start.AddYears(-1), period.End.AddYears(-1))];
        }

        var months = Math.Max(1, ((period.End.Year - period.Start.Year) * 12) + period.End.Month - period.Start.Month);
        return [.. Enumerable.Range(1, 4).Reverse().Select(k => new DateRange(period.Start.AddMonths(-k * months), period.Start.AddMonths(-(k - 1) * months)))];
    }
}
