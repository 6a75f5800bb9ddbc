namespace Northstar.Core.Planning;

/// <summary>The funnel run forwards from planned sessions: what each step and revenue come to.</summary>
/// <param name="SessionsPerMonth">The planned sessions in a month.</param>
/// <param name="Months">Months in the period (partial months by their share of days).</param>
/// <param name="PerMonth">Counts reached in a month.</param>
/// <param name="Total">Counts reached over the period: <paramref name="PerMonth"/> times <paramref name="Months"/>.</param>
/// <param name="RevenuePerMonth">Customers in a month times the average new-customer revenue.</param>
/// <param name="Revenue">Revenue over the period.</param>
public sealed record ForwardRun(double SessionsPerMonth, double Months, StepCounts PerMonth, StepCounts Total, decimal RevenuePerMonth, decimal Revenue)
{
    /// <summary>Runs <paramref name="sessionsPerMonth"/> through <paramref name="rates"/> for <paramref name="months"/> months.</summary>
    public static ForwardRun Create(double sessionsPerMonth, FunnelRates rates, decimal averageDealSize, double months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sessionsPerMonth);
        var perMonth = ReverseFunnel.Forward(sessionsPerMonth, rates);
        var total = perMonth.Scale(months);
        return new ForwardRun(
            sessionsPerMonth, months, perMonth, total,
            (decimal)perMonth[FunnelStep.Customers] * averageDealSize,
            (decimal)total[FunnelStep.Customers] * averageDealSize);
    }

    /// <summary>Months in <paramref name="split"/>'s period: whole months count 1, partial ones their share of days.</summary>
    public static double MonthsIn(TargetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return split.Parts.Sum(p => (double)p.Range.Days / DateTime.DaysInMonth(p.Range.Start.Year, p.Range.Start.Month));
    }
}
