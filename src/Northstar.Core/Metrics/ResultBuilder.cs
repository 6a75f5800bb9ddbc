using Northstar.Core.Metrics.Kpis;
using Northstar.Core.Metrics.Periods;

namespace Northstar.Core.Metrics;

/// <summary>Computes one query's columns, rows, overall row and comparison.</summary>
internal sealed class ResultBuilder(Kpi kpi, MetricQuery query, MetricContext context, FiscalCalendar calendar)
{
    public KpiResult Build()
    {
        var breakdown = new Breakdown(query.By, query.Filters);
        var buckets = Buckets.Split(query.Range, query.Grain, calendar);
        context.QueryRanges = [.. buckets.Select(b => b.Range), query.Range, .. query.CompareWith is { } compared ? [compared] : Array.Empty<DateRange>()];
        var columns = buckets.Select(b => new KpiColumn(b.Label, b.Range, kpi.IsIncomplete(context, b.Range))).ToList();
        var perBucket = buckets.Select(b => kpi.Compute(context, b.Range, breakdown)).ToList();
        var totals = kpi.Compute(context, query.Range, breakdown);
        var previous = query.CompareWith is { } compare ? kpi.Compute(context, compare, breakdown) : null;

        var groups = totals.Keys.Concat(perBucket.SelectMany(b => b.Keys)).Concat(previous?.Keys ?? [])
            .Distinct(StringComparer.Ordinal).ToList();
        if (query.By is null && groups.Count == 0)
        {
            groups.Add(Breakdown.Total);
        }

        var rows = groups
            .Select(g => Row(g, perBucket, totals, previous))
            .OrderBy(r => r.Group == Dimensions.None)
            .ThenByDescending(r => r.Total ?? double.NegativeInfinity)
            .ThenBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
        return new KpiResult
        {
            Kpi = kpi.Definition,
            Query = query,
            Columns = columns,
            Rows = rows,
            Overall = query.By is null ? null : Overall(buckets),
            Notes = [.. Notes(columns), .. kpi.Notes(context, query.Range, breakdown)],
        };
    }

    private KpiRow Row(string group, List<IReadOnlyDictionary<string, double?>> perBucket, IReadOnlyDictionary<string, double?> totals, IReadOnlyDictionary<string, double?>? previous)
    {
        var values = perBucket.Select(b => Value(b, group)).ToList();
        var total = Value(totals, group);
        var change = previous is null ? null : KpiChange.Of(total, Value(previous, group), kpi.Definition.Direction);
        return new KpiRow(group, values, total, change);
    }

    /// <summary>
    /// A group absent from an additive KPI's result is 0 there; from a ratio, no value. A formula is
    /// evaluated with every measure 0: an additive one (content uses + asset uses) gives 0, a ratio none.
    /// </summary>
    private double? Value(IReadOnlyDictionary<string, double?> values, string group) =>
        values.TryGetValue(group, out var value) ? value
        : kpi is MeasureKpi ? 0
        : kpi is FormulaKpi formula ? formula.Formula.Evaluate(static _ => 0)
        : null;

    private KpiRow Overall(IReadOnlyList<Bucket> buckets)
    {
        var all = new Breakdown(null, query.Filters);
        var perBucket = buckets.Select(b => kpi.Compute(context, b.Range, all)).ToList();
        var previous = query.CompareWith is { } compare ? kpi.Compute(context, compare, all) : null;
        return Row(Breakdown.Total, perBucket, kpi.Compute(context, query.Range, all), previous);
    }

    private List<string> Notes(List<KpiColumn> columns)
    {
        var notes = new List<string>();
        if (kpi is CohortRateKpi && columns.Any(c => c.Incomplete))
        {
            notes.Add($"Cohorts still inside their {context.Options.CohortWindowDays}-day window are incomplete: their rate can still rise.");
        }
        else if (columns.Any(c => c.Incomplete))
        {
            notes.Add("The period reaches today or later: its last values are still moving.");
        }

        if (kpi is BrandKpi && context.Options.Brand is null)
        {
            notes.Add("Set the workspace's brand to compute share of voice and brand sentiment.");
        }

        return notes;
    }
}
