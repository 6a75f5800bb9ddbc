namespace Northstar.Core.Metrics;

/// <summary>
/// A saved custom KPI whose formula no longer reads over the workspace's measures (e.g. a measure
/// renamed since it was saved): no engine can be built with it until it is redefined or removed.
/// </summary>
public sealed class BrokenCustomKpiException : InvalidOperationException
{
    /// <summary>The error for KPI <paramref name="kpiId"/>; the message is <c>Custom KPI 'id': reason</c>.</summary>
    public BrokenCustomKpiException(string kpiId, string reason)
        : base($"Custom KPI '{kpiId}': {reason}")
    {
        KpiId = kpiId;
    }

    public BrokenCustomKpiException()
    {
    }

    public BrokenCustomKpiException(string message)
        : base(message)
    {
    }

    public BrokenCustomKpiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The id of the custom KPI that does not read (null when not given).</summary>
    public string? KpiId { get; }
}
