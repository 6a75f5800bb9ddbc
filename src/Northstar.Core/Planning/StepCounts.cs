namespace Northstar.Core.Planning;

/// <summary>
/// A count for every <see cref="FunnelStep"/> (sessions first), as exact doubles: plans carry
/// fractions of a customer, rounding is for display only.
/// </summary>
public sealed record StepCounts
{
    /// <summary>Counts indexed by <see cref="FunnelStep"/>.</summary>
    public StepCounts(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != FunnelSteps.All.Count)
        {
            throw new ArgumentException($"Expected {FunnelSteps.All.Count} counts, one per funnel step; got {values.Count}.", nameof(values));
        }

        Values = values;
    }

    /// <summary>One count per step, sessions first.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The count of one step.</summary>
    public double this[FunnelStep step] => Values[(int)step];

    /// <summary>Every count times <paramref name="factor"/> (a month's share of the year).</summary>
    public StepCounts Scale(double factor) => new(Values.Select(v => v * factor).ToArray());
}
