using System.Globalization;

namespace Northstar.Core.Planning;

/// <summary>
/// Which single rate improvement closes a gap with the smallest relative change. Customers are
/// sessions times the product of the five rates, so raising any one rate by the factor
/// target / forecast closes the gap: every rate needs the same relative change. What tells them
/// apart is the cap (a rate cannot exceed 100%): a rate that would have to go above it cannot
/// close the gap alone and ranks last. Among the rates that can, ties on the relative change are
/// broken by the smaller change in percentage points (the smaller absolute move), then by
/// funnel order.
/// </summary>
public static class GapCloser
{
    /// <summary>The rate improvements that close the gap from <paramref name="forecastCustomers"/> to <paramref name="targetCustomers"/>.</summary>
    public static GapAnalysis Close(double targetCustomers, double forecastCustomers, FunnelRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (targetCustomers <= forecastCustomers)
        {
            return new GapAnalysis(targetCustomers, forecastCustomers, forecastCustomers > 0 ? targetCustomers / forecastCustomers : 0, [],
                "No gap: the forward run reaches the target as it is.");
        }

        if (forecastCustomers <= 0)
        {
            return new GapAnalysis(targetCustomers, forecastCustomers, double.PositiveInfinity, [],
                "The forward run reaches no customers (no sessions or a rate of 0): no rate improvement alone closes the gap.");
        }

        var factor = targetCustomers / forecastCustomers;
        var options = FunnelRates.Pairs
            .Select(from => Option(rates[from], factor, forecastCustomers))
            .OrderBy(o => o.Closes ? 0 : 1)
            .ThenBy(o => o.RelativeChange)
            .ThenBy(o => o.PointsChange)
            .ThenBy(o => o.From)
            .ToList();
        var explanation =
            $"Customers = sessions x the product of the rates, so each rate alone must rise by the same {Percent(factor - 1)} (x{factor.ToString("0.####", CultureInfo.InvariantCulture)}). " +
            "A rate that would have to pass 100% cannot close the gap alone and is listed last; among the others the tie is broken by the smallest move in percentage points.";
        return new GapAnalysis(targetCustomers, forecastCustomers, factor, options, explanation);
    }

    private static RateImprovement Option(StepRate rate, double factor, double forecastCustomers)
    {
        var needed = rate.Rate * factor;
        var closes = needed <= 1;
        var best = closes ? forecastCustomers * factor : forecastCustomers / rate.Rate;
        var note = closes
            ? $"{Percent(rate.Rate)} -> {Percent(needed)} ({Signed(needed - rate.Rate)} points, {Signed(factor - 1, percent: true)})"
            : $"would need {Percent(needed)}, above 100%: cannot close the gap alone (at 100% it reaches {best.ToString("0.###", CultureInfo.InvariantCulture)} customers)";
        return new RateImprovement(rate.From, rate.Rate, needed, factor - 1, needed - rate.Rate, closes, best, note);
    }

    private static string Percent(double rate) => (rate * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private static string Signed(double value, bool percent = false) =>
        (value >= 0 ? "+" : "") + (percent ? Percent(value) : (value * 100).ToString("0.###", CultureInfo.InvariantCulture));
}
