using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds a <see cref="Deal"/>: by default an open new-business deal created on day 1, no amount.</summary>
public sealed class DealBuilder(string dealId = "d1")
{
    private Deal _fact = new() { DealId = dealId, CreatedAt = BuilderTime.Start, Status = DealStatus.Open };

    public DealBuilder Contact(string? contactId) => Set(_fact with { ContactId = contactId });

    public DealBuilder Account(string? accountId) => Set(_fact with { AccountId = accountId });

    public DealBuilder CreatedAt(int day) => Set(_fact with { CreatedAt = BuilderTime.At(day) });

    public DealBuilder Won(int day, decimal amount) =>
        Set(_fact with { Status = DealStatus.Won, ClosedAt = BuilderTime.At(day), Amount = amount });

    public DealBuilder Lost(int day) => Set(_fact with { Status = DealStatus.Lost, ClosedAt = BuilderTime.At(day) });

    public DealBuilder Amount(decimal? amount, decimal? listAmount = null) => Set(_fact with { Amount = amount, ListAmount = listAmount });

    public DealBuilder Type(DealType type) => Set(_fact with { Type = type });

    public DealBuilder Source(DealSource? source) => Set(_fact with { Source = source });

    public DealBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    /// <summary>Every field set (for round trips).</summary>
    public DealBuilder Full() => Contact("c1").Account("acc1").CreatedAt(day: 5).Won(day: 40, amount: 1_100_000.25m)
        .Amount(1_100_000.25m, 1_250_000m).Type(DealType.Expansion).Source(DealSource.Partner).Property("region", "emea");

    public Deal Build() => _fact;

    private DealBuilder Set(Deal fact)
    {
        _fact = fact;
        return this;
    }
}
