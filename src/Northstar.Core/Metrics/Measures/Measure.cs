namespace Northstar.Core.Metrics.Measures;

/// <summary>
/// An additive quantity over facts or views (a count or a sum), the building block of KPIs and
/// of custom formulas: for any range, it adds its value per group into a <see cref="Groups"/>.
/// </summary>
internal abstract class Measure(string name, KpiUnit unit, IReadOnlyList<string> dimensions, string definition)
{
    public string Name { get; } = name;

    public KpiUnit Unit { get; } = unit;

    /// <summary>The dimensions it can be grouped and filtered by.</summary>
    public IReadOnlyList<string> SupportedDimensions { get; } = dimensions;

    /// <summary>One line: what is counted or summed.</summary>
    public string Definition { get; } = definition;

    /// <summary>Adds the measure's value over <paramref name="range"/>, per group of <paramref name="breakdown"/>.</summary>
    public abstract void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups);

    /// <summary>
    /// Names in <paramref name="needs"/> what <see cref="Accumulate"/> will read from the store for
    /// this breakdown, so that a batch of queries can read it all at once; nothing by default
    /// (what is not named is read on first use, as before).
    /// </summary>
    public virtual void Needs(ReadNeeds needs, Breakdown breakdown)
    {
    }

    /// <summary>The measure over the range, grouped.</summary>
    public Groups Compute(MetricContext context, DateRange range, Breakdown breakdown)
    {
        var groups = new Groups();
        Accumulate(context, range, breakdown, groups);
        return groups;
    }
}
