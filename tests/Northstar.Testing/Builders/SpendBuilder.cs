using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds a <see cref="Spend"/>: by default 100 of media spend on paid_search on day 1, no campaign.</summary>
public sealed class SpendBuilder(string channel = "paid_search")
{
    private Spend _fact = new() { Date = BuilderTime.Date(1), Channel = channel, Kind = SpendKind.Media, Amount = 100m };

    public SpendBuilder On(int day) => Set(_fact with { Date = BuilderTime.Date(day) });

    public SpendBuilder Campaign(string campaign) => Set(_fact with { Campaign = campaign });

    public SpendBuilder Kind(SpendKind kind) => Set(_fact with { Kind = kind });

    public SpendBuilder Amount(decimal amount) => Set(_fact with { Amount = amount });

    public SpendBuilder Delivery(long? impressions, long? clicks) => Set(_fact with { Impressions = impressions, Clicks = clicks });

    public SpendBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    public Spend Build() => _fact;

    private SpendBuilder Set(Spend fact)
    {
        _fact = fact;
        return this;
    }
}
