namespace Northstar.Core.Metrics;

/// <summary>A query the metrics cannot answer as asked (unknown KPI, a dimension the KPI does not carry).</summary>
public sealed class MetricQueryException : Exception
{
    public MetricQueryException(string message)
        : base(message)
    {
    }

    public MetricQueryException()
    {
    }

    public MetricQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
