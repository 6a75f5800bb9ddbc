using System.Globalization;

namespace Northstar.Core.Planning;

/// <summary>
/// The five conversion rates of the planning funnel (sessions to leads, ..., opportunities to
/// customers), each with its provenance. Build one with <see cref="Typed"/> or <see cref="Of"/>,
/// then <see cref="Validate"/>: a plan needs every rate above 0 and at most 100%.
/// </summary>
public sealed class FunnelRates
{
    private readonly StepRate[] _rates;

    private FunnelRates(StepRate[] rates) => _rates = rates;

    /// <summary>The steps a rate leaves from: every step but <see cref="FunnelStep.Customers"/>.</summary>
    public static IReadOnlyList<FunnelStep> Pairs { get; } = [.. FunnelSteps.All.Where(s => s != FunnelStep.Customers)];

    /// <summary>The rates, sessions to leads first.</summary>
    public IReadOnlyList<StepRate> Steps => _rates;

    /// <summary>The rate leaving <paramref name="from"/>.</summary>
    public StepRate this[FunnelStep from] => _rates[(int)from];

    /// <summary>Sessions to customers: the product of the five rates.</summary>
    public double Product => _rates.Aggregate(1.0, (p, r) => p * r.Rate);

    /// <summary>Five typed-in rates as fractions (0.015 for 1.5%), sessions to leads first.</summary>
    public static FunnelRates Typed(double sessionsToLeads, double leadsToMqls, double mqlsToSqls, double sqlsToOpportunities, double opportunitiesToCustomers) =>
        Of([.. new[] { sessionsToLeads, leadsToMqls, mqlsToSqls, sqlsToOpportunities, opportunitiesToCustomers }
            .Select((rate, i) => new StepRate((FunnelStep)i, rate, PlanSource.Typed))]);

    /// <summary>Five rates, one per pair in <see cref="Pairs"/> order.</summary>
    public static FunnelRates Of(IReadOnlyList<StepRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count != Pairs.Count || rates.Where((r, i) => r.From != Pairs[i]).Any())
        {
            throw new ArgumentException("Expected one rate per step pair, sessions to leads first.", nameof(rates));
        }

        return new FunnelRates([.. rates]);
    }

    /// <summary>"Sessions -> Leads".</summary>
    public static string PairLabel(FunnelStep from) =>
        $"{FunnelSteps.Label(from)} -> {FunnelSteps.Label(FunnelSteps.Next(from) ?? from)}";

    /// <summary>The same rates with one replaced (the gap closer's what-if).</summary>
    public FunnelRates With(StepRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        var copy = (StepRate[])_rates.Clone();
        copy[(int)rate.From] = rate;
        return new FunnelRates(copy);
    }

    /// <summary>One problem per rate that is not a number, 0 or less, or above 100%, naming its step and source.</summary>
    public IReadOnlyList<PlanProblem> Validate() => [.. _rates.Select(Problem).OfType<PlanProblem>()];

    private static PlanProblem? Problem(StepRate rate)
    {
        var where = rate.Source.Kind == PlanSourceKind.Typed ? "typed in" : "from history (" + rate.Source.Description + ")";
        if (!double.IsFinite(rate.Rate))
        {
            return new PlanProblem($"The {rate.Label} rate {where} is not known: the look-back has no {FunnelSteps.Label(rate.From).ToLowerInvariant()} to divide by.", rate.From);
        }

        if (rate.Rate <= 0)
        {
            return new PlanProblem(
                $"The {rate.Label} rate {where} is {Percent(rate.Rate)}: no {FunnelSteps.Label(rate.To)} would ever come, so no count of {FunnelSteps.Label(rate.From)} reaches the goal. Give a rate above 0%.",
                rate.From);
        }

        return rate.Rate > 1
            ? new PlanProblem($"The {rate.Label} rate {where} is {Percent(rate.Rate)}: a conversion rate cannot exceed 100%. Give a rate up to 100% (or 0.2 / 20% style).", rate.From)
            : null;
    }

    private static string Percent(double rate) => (rate * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%";
}
