namespace Northstar.Core.Alerts;

/// <summary>How <see cref="DailyOutliers"/> judges a day.</summary>
public sealed record OutlierOptions
{
    /// <summary>
    /// A day is an outlier when its robust z-score, |value - median| / (1.4826 x MAD), is at least this.
    /// Default 3.5 (Iglewicz and Hoaglin's cut-off for the modified z-score).
    /// </summary>
    public double Threshold { get; init; } = 3.5;

    /// <summary>
    /// How many previous same weekdays form a day's history. Default 8. Comparing with the same
    /// weekday keeps a weekday pattern (quiet weekends) from alerting.
    /// </summary>
    public int Weeks { get; init; } = 8;

    /// <summary>
    /// For a count KPI, the scale is at least the Poisson noise of the median, sqrt(max(median, 1)),
    /// so that small counts (a first SQL after weeks of none) do not alert on chance. Default true.
    /// </summary>
    public bool CountNoiseFloor { get; init; } = true;

    /// <summary>Fewer previous same weekdays with a value than this and the day is not judged. Default 6.</summary>
    public int MinHistory { get; init; } = 6;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Threshold, 0, nameof(Threshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(Weeks, 3, nameof(Weeks));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinHistory, 3, nameof(MinHistory));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinHistory, Weeks, nameof(MinHistory));
    }
}
