using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

/// <summary>
/// An external daily series (one <c>metric</c> of the series facts) summed over the range. Its
/// dimension text (<c>brand=acme;sentiment=positive</c>) gives the dimensions to filter and group by.
/// </summary>
internal sealed class SeriesMeasure(string name, string metric, KpiUnit unit, string definition)
    : Measure(name, unit, [Dimensions.Brand, Dimensions.Sentiment], definition)
{
    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        foreach (var point in context.Read<SeriesPoint>())
        {
            if (range.Contains(point.Date) && string.Equals(point.Metric, metric, StringComparison.OrdinalIgnoreCase)
                && breakdown.Accepts(point.Dimension, Get))
            {
                groups.AddTo(breakdown.GroupOf(point.Dimension, Get), point.Value);
            }
        }
    }

    /// <summary>The value of <c>name=value</c> in a series dimension text like <c>brand=acme;sentiment=positive</c>.</summary>
    public static string? Get(string dimensionText, string name)
    {
        foreach (var part in dimensionText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part.AsSpan(0, equals).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..].Trim();
            }
        }

        return null;
    }
}
