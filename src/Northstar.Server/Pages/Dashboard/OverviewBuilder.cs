using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Server.Pages.Dashboard;

/// <summary>
/// The overview's cards for a period: per headline KPI one query, by month (or quarter) over the
/// sparkline's 12 months (8 quarters) ending with the period: its last bucket is the value, the one
/// before the previous period's; plus the pacing of a goal when one covers the period. The goals
/// are read once for all cards.
/// </summary>
public static class OverviewBuilder
{
    /// <summary>The headline KPIs, in card order.</summary>
    public static IReadOnlyList<string> Headline { get; } =
        ["sessions", "leads", "mqls", "sqls", "customers", "revenue_new", "pipeline_created", "spend", "cac", "roi"];

    /// <summary>Buckets in a sparkline: 12 months or 8 quarters.</summary>
    public static int SparkBuckets(bool quarter) => quarter ? 8 : 12;

    /// <summary>The cards of <paramref name="period"/> (a month, or a quarter when <paramref name="quarter"/>); <paramref name="timing"/> hears each card's time.</summary>
    public static IReadOnlyList<OverviewCard> Build(
        MetricsEngine engine, Period period, bool quarter, IReadOnlyList<Goal> goals, PacingThresholds thresholds, DateOnly asOf, Action<string, TimeSpan>? timing = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(goals);
        var previous = Comparisons.RangeFor(period, Comparison.PreviousPeriod, engine.Calendar);
        var trailing = DashboardPeriods.Trailing(period, quarter, SparkBuckets(quarter), engine.Calendar);
        var pacer = new GoalPacer(engine, thresholds);
        var cards = new List<OverviewCard>();
        foreach (var id in Headline)
        {
            if (engine.Find(id) is not { } kpi)
            {
                continue;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();

            // One query per card: the sparkline's buckets end with the period and the one before it,
            // and a bucket's value is the KPI over that bucket's days, so value and change come from it.
            var spark = Spark(engine.Run(new MetricQuery(id, trailing, quarter ? Grain.Quarter : Grain.Month) { Label = period.Label }));
            var value = spark.Values[^1];
            double? before = spark.Values.Count > 1 ? spark.Values[^2] : null;
            var change = previous is null ? null : KpiChange.Of(value, before, kpi.Direction);
            var goal = PeriodGoal(engine, goals, id, period, asOf);
            var pacing = goal is null ? null : pacer.Pace(goal, asOf);
            cards.Add(new OverviewCard(kpi, value, change, goal?.Target, pacing, spark));
            timing?.Invoke(id, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        return cards;
    }

    /// <summary>The series of a one-row result: its buckets' labels and values.</summary>
    public static SparkSeries Spark(KpiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SparkSeries([.. result.Columns.Select(c => c.Label)], result.Rows[0].Values);
    }

    /// <summary>
    /// The goal for the KPI over exactly this period: a goal of the same period as it is, else the
    /// period's share of a longer goal that holds it (its split's share for a count or amount, the
    /// target itself for a rate); null when no goal covers the period.
    /// </summary>
    public static Goal? PeriodGoal(MetricsEngine engine, IReadOnlyList<Goal> goals, string kpi, Period period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(period);
        Goal? holder = null;
        DateRange holderRange = default;
        foreach (var goal in goals.Where(g => g.Kpi == kpi))
        {
            var parsed = PeriodParser.Parse(goal.Period, engine.Calendar, today);
            if (!parsed.IsSuccess)
            {
                continue;
            }

            var range = parsed.Period.Range;
            if (range == period.Range)
            {
                return goal with { Period = period.Label };
            }

            if (range.Start <= period.Range.Start && period.Range.End <= range.End && (holder is null || range.Days < holderRange.Days))
            {
                (holder, holderRange) = (goal, range);
            }
        }

        if (holder is null)
        {
            return null;
        }

        var split = holder.Split(holderRange);
        var share = engine.IsAdditive(kpi) ? split.ShareBefore(period.Range.End) - split.ShareBefore(period.Range.Start) : 1.0;
        return holder with { Period = period.Label, Target = holder.Target * share, MonthWeights = holder.MonthWeights, ParentId = null };
    }
}
