using System.Globalization;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Planning;

/// <summary>
/// Reads what a plan request is typed with (<c>northstar plan</c>, the API's <c>plan</c>): rates
/// ("1.5%,20%,_,40%,50%") and look-backs ("12m" or a period). Errors name the input as
/// <c>name</c> says (<c>--rates</c> on the command line, <c>rates</c> in the API).
/// </summary>
public static class PlanInput
{
    /// <summary>
    /// Five rates, sessions to leads first: "20%" or a fraction "0.2"; "_" (or nothing) leaves
    /// one to history. Null with <paramref name="error"/> set when the text is not that.
    /// </summary>
    public static IReadOnlyList<double?>? Rates(string? text, string name, out string? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != FunnelRates.Pairs.Count)
        {
            error = $"{name} '{text}': expected 5 rates (sessions->leads, leads->MQLs, MQLs->SQLs, SQLs->opportunities, opportunities->customers), e.g. 1.5%,20%,20%,40%,50%; got {parts.Length}. Use _ to take one from history.";
            return null;
        }

        var rates = new double?[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is "" or "_")
            {
                continue;
            }

            var percent = parts[i].EndsWith('%');
            var number = percent ? parts[i][..^1].Trim() : parts[i];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                error = $"{name}: '{parts[i]}' (the {FunnelRates.PairLabel(FunnelRates.Pairs[i])} rate) is not a number; write 20% or 0.2.";
                return null;
            }

            rates[i] = percent ? value / 100 : value;
        }

        return rates;
    }

    /// <summary>"12m" / "6m" (full months before the plan), or any period ("2025", "2025-H2"); null with an error.</summary>
    public static DateRange? Lookback(string? text, string name, Period plan, FiscalCalendar calendar, DateOnly today, out string? error)
    {
        ArgumentNullException.ThrowIfNull(plan);
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith('m') && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var months))
        {
            if (months is < 1 or > 120)
            {
                error = $"{name} '{text}': from 1m to 120m.";
                return null;
            }

            return PlanHistory.DefaultLookback(plan.Range, today, months);
        }

        var parsed = PeriodParser.Parse(trimmed, calendar, today);
        if (parsed.IsSuccess)
        {
            return parsed.Period.Range;
        }

        error = $"{name} '{text}': expected months (12m, 6m) or a period (2025, 2025-H2): {parsed.Error.Reason}";
        return null;
    }
}
