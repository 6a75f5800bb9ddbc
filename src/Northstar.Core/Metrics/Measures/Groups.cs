namespace Northstar.Core.Metrics.Measures;

/// <summary>Values by group key (<see cref="Breakdown.Total"/> when ungrouped); a group never added is 0.</summary>
internal sealed class Groups : Dictionary<string, double>
{
    public Groups()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Adds to a group's value.</summary>
    public void AddTo(string group, double value) => this[group] = Of(group) + value;

    /// <summary>A group's value (0 when never added).</summary>
    public double Of(string group) => TryGetValue(group, out var value) ? value : 0;

    /// <summary>The sum over every group.</summary>
    public double Sum() => Values.Sum();
}
