namespace Northstar.Core.Metrics;

/// <summary>A value against its comparison value.</summary>
/// <param name="Previous">The value in the comparison range (null: no value).</param>
/// <param name="Absolute">Current minus previous (null when either has no value).</param>
/// <param name="Relative">Absolute change / |previous| (null when previous is 0 or has no value).</param>
/// <param name="Verdict">Whether the change is good news given the KPI's direction.</param>
public sealed record KpiChange(double? Previous, double? Absolute, double? Relative, ChangeVerdict Verdict)
{
    /// <summary>The change from <paramref name="previous"/> to <paramref name="current"/> for a KPI of that direction.</summary>
    public static KpiChange Of(double? current, double? previous, KpiDirection direction)
    {
        if (current is not { } now || previous is not { } before)
        {
            return new KpiChange(previous, null, null, ChangeVerdict.Unknown);
        }

        var absolute = now - before;
        double? relative = before == 0 ? null : absolute / Math.Abs(before);
        var verdict = absolute == 0 ? ChangeVerdict.Same
            : direction == KpiDirection.Neutral ? ChangeVerdict.Neutral
            : (absolute > 0) == (direction == KpiDirection.UpIsGood) ? ChangeVerdict.Better
            : ChangeVerdict.Worse;
        return new KpiChange(previous, absolute, relative, verdict);
    }
}
