namespace Northstar.Core.Planning;

/// <summary>
/// The reverse-funnel arithmetic: backwards from a customer count (each earlier step is the next
/// step divided by its rate) and forwards from sessions (each later step is the step times its
/// rate). Exact doubles, no rounding.
/// </summary>
public static class ReverseFunnel
{
    /// <summary>Customers needed for a revenue goal: the goal divided by the average new-customer revenue.</summary>
    public static double CustomersFor(decimal revenueGoal, decimal averageDealSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(averageDealSize);
        return (double)(revenueGoal / averageDealSize);
    }

    /// <summary>The count needed at every step to end with <paramref name="customers"/>.</summary>
    public static StepCounts Backward(double customers, FunnelRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var values = new double[FunnelSteps.All.Count];
        values[(int)FunnelStep.Customers] = customers;
        for (var step = FunnelStep.Opportunities; step >= FunnelStep.Sessions; step--)
        {
            values[(int)step] = values[(int)step + 1] / rates[step].Rate;
        }

        return new StepCounts(values);
    }

    /// <summary>The revenue goal's counts at every step: <see cref="CustomersFor"/> then <see cref="Backward"/>.</summary>
    public static StepCounts Plan(decimal revenueGoal, decimal averageDealSize, FunnelRates rates) =>
        Backward(CustomersFor(revenueGoal, averageDealSize), rates);

    /// <summary>The count reached at every step from <paramref name="sessions"/>.</summary>
    public static StepCounts Forward(double sessions, FunnelRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var values = new double[FunnelSteps.All.Count];
        values[(int)FunnelStep.Sessions] = sessions;
        foreach (var from in FunnelRates.Pairs)
        {
            values[(int)from + 1] = values[(int)from] * rates[from].Rate;
        }

        return new StepCounts(values);
    }
}
