namespace Northstar.Core.Metrics.Kpis;

/// <summary>A KPI the engine can compute: its definition and its value per group over any range.</summary>
internal abstract class Kpi(KpiDefinition definition)
{
    public KpiDefinition Definition { get; } = definition;

    /// <summary>The value per group over the range (a missing group or a null value: no value).</summary>
    public abstract IReadOnlyDictionary<string, double?> Compute(MetricContext context, DateRange range, Breakdown breakdown);

    /// <summary>Names in <paramref name="needs"/> what <see cref="Compute"/> reads from the store for this breakdown; nothing by default.</summary>
    public virtual void Needs(ReadNeeds needs, Breakdown breakdown)
    {
    }

    /// <summary>True when the value over the range can still change: by default when the range reaches today or later.</summary>
    public virtual bool IsIncomplete(MetricContext context, DateRange range) => range.End > context.Today;

    /// <summary>What the reader should know about the value over the range (a flag, a caveat); none by default.</summary>
    public virtual IEnumerable<string> Notes(MetricContext context, DateRange range, Breakdown breakdown) => [];
}
