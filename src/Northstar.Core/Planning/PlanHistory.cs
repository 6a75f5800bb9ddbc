using System.Globalization;
using Northstar.Core.Metrics;

namespace Northstar.Core.Planning;

/// <summary>
/// Reads a plan's rates and deal size from history through the <see cref="MetricsEngine"/>.
/// Rates are period ratios of the step counts over the look-back (contacts entering MQL / contacts
/// entering lead, and so on; sessions to leads is leads / sessions), not cohort rates: the plan
/// itself counts stage entries per period, the ratios exist for every pair (the catalogue has no
/// opportunity to customer cohort rate), and over a year's look-back the lag between stages
/// barely moves them. <see cref="RateBasis.Cohort"/> uses the catalogue's cohort rates where it has them. The deal size is <c>average_deal_size</c>: the mean new-business deal won
/// in the look-back, resting on revenue_new / average_deal_size deals (the won deals with an amount).
/// </summary>
public static class PlanHistory
{
    /// <summary>The default look-back length in months.</summary>
    public const int DefaultMonths = 12;

    /// <summary>
    /// The <paramref name="months"/> full months before the plan starts, or before the current
    /// month when the plan starts later than that (history cannot come from the future).
    /// </summary>
    public static DateRange DefaultLookback(DateRange plan, DateOnly today, int months = DefaultMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var planMonth = new DateOnly(plan.Start.Year, plan.Start.Month, 1);
        var end = planMonth < thisMonth ? planMonth : thisMonth;
        return new DateRange(end.AddMonths(-months), end);
    }

    /// <summary>Counts, rates and deal size over <paramref name="lookback"/>, for all channels or one.</summary>
    public static HistoryInputs Read(MetricsEngine engine, DateRange lookback, string? channel = null, RateBasis basis = RateBasis.PeriodRatio)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Filter[] filters = channel is null ? [] : [new Filter(Dimensions.Channel, [channel])];
        var counts = new StepCounts([.. FunnelSteps.All.Select(step => Count(engine, FunnelSteps.KpiId(step), lookback, filters))]);
        var rates = FunnelRates.Of([.. FunnelRates.Pairs.Select(from =>
            basis == RateBasis.Cohort && CohortKpi(from) is { } kpi
                ? CohortRate(engine, kpi, from, counts, lookback, channel, filters)
                : Rate(from, counts, lookback, channel))]);
        return new HistoryInputs(lookback, channel, counts, rates, ReadDealSize(engine, lookback));
    }

    /// <summary>The catalogue's cohort rate leaving <paramref name="from"/>, or null when it has none.</summary>
    public static string? CohortKpi(FunnelStep from) => from switch
    {
        FunnelStep.Leads => "lead_to_mql_cohort_rate",
        FunnelStep.Mqls => "mql_to_sql_cohort_rate",
        FunnelStep.Sqls => "sql_to_opportunity_cohort_rate",
        _ => null,
    };

    private static StepRate CohortRate(MetricsEngine engine, string kpi, FunnelStep from, StepCounts counts, DateRange lookback, string? channel, Filter[] filters)
    {
        var result = engine.Run(new MetricQuery(kpi, lookback) { Filters = filters });
        var rate = result.Rows[0].Total;
        var where = channel is null ? "" : $", channel {channel}";
        var open = result.Columns.Any(c => c.Incomplete) ? " (cohort window still open: may rise)" : "";
        var description = rate is { } r
            ? $"{kpi} over {lookback}{where}: {r.ToString("0.####", CultureInfo.InvariantCulture)} of {Number(counts[from])} {FunnelSteps.KpiId(from)}{open}"
            : $"{kpi} over {lookback}{where}: no {FunnelSteps.KpiId(from)}";
        var source = new PlanSource(PlanSourceKind.History, description) { Formula = kpi, Range = lookback, Channel = channel, Basis = counts[from] };
        return new StepRate(from, rate ?? double.NaN, source);
    }

    private static double Count(MetricsEngine engine, string kpi, DateRange range, Filter[] filters) =>
        engine.Run(new MetricQuery(kpi, range) { Filters = filters }).Rows[0].Total ?? 0;

    private static StepRate Rate(FunnelStep from, StepCounts counts, DateRange lookback, string? channel)
    {
        var to = FunnelSteps.Next(from)!.Value;
        var (a, b) = (counts[from], counts[to]);
        var formula = $"{FunnelSteps.KpiId(to)} / {FunnelSteps.KpiId(from)}";
        var where = channel is null ? "" : $", channel {channel}";
        var description = a > 0
            ? $"{formula} over {lookback}{where}: {Number(b)} / {Number(a)}"
            : $"{formula} over {lookback}{where}: no {FunnelSteps.KpiId(from)}";
        var source = new PlanSource(PlanSourceKind.History, description) { Formula = formula, Range = lookback, Channel = channel, Basis = a };
        return new StepRate(from, a > 0 ? b / a : double.NaN, source);
    }

    private static DealSize? ReadDealSize(MetricsEngine engine, DateRange lookback)
    {
        var mean = engine.Run(new MetricQuery("average_deal_size", lookback)).Rows[0].Total;
        if (mean is not { } value || !double.IsFinite(value))
        {
            return null;
        }

        // The mean rests on the won deals that have an amount: their sum over their mean counts them.
        var won = value > 0 ? Math.Round(Count(engine, "revenue_new", lookback, []) / value) : 0;
        var source = new PlanSource(PlanSourceKind.History, $"average_deal_size over {lookback}: mean of {Number(won)} new-business deals won")
        {
            Formula = "average_deal_size",
            Range = lookback,
            Basis = won,
        };
        return new DealSize((decimal)value, source);
    }

    private static string Number(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
