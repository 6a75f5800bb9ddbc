using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds a <see cref="Subscription"/>: by default 1,000 MRR started on day 1, still running.</summary>
public sealed class SubscriptionBuilder(string subscriptionId = "sub1")
{
    private Subscription _fact = new() { SubscriptionId = subscriptionId, StartedAt = BuilderTime.Start, Mrr = 1_000m };

    public SubscriptionBuilder Account(string? accountId) => Set(_fact with { AccountId = accountId });

    public SubscriptionBuilder StartedAt(int day) => Set(_fact with { StartedAt = BuilderTime.At(day) });

    public SubscriptionBuilder EndedAt(int day) => Set(_fact with { EndedAt = BuilderTime.At(day) });

    public SubscriptionBuilder Mrr(decimal mrr) => Set(_fact with { Mrr = mrr });

    public SubscriptionBuilder RenewalDue(int day, bool? renewed = null) =>
        Set(_fact with { RenewalDueAt = BuilderTime.At(day), Renewed = renewed });

    public SubscriptionBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    public Subscription Build() => _fact;

    private SubscriptionBuilder Set(Subscription fact)
    {
        _fact = fact;
        return this;
    }
}
