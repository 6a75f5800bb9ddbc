using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>Deals, by creation month; amounts as exact decimal text.</summary>
internal sealed class DealTable : FactTable<Deal>
{
    public override FactKind Kind => FactKind.Deals;

    public override string Name => "deals";

    public override string ValueColumnsDdl =>
        "contact_id Nullable(String), account_id Nullable(String), created_at Int64, closed_at Nullable(Int64), status String, " +
        "amount Nullable(String), list_amount Nullable(String), type String, source Nullable(String), prop_names Array(String), prop_values Array(String)";

    public override DateTimeOffset? MainTime(Deal fact) => fact.CreatedAt;

    public override void WriteValues(RowBinaryWriter w, Deal d)
    {
        w.NullableString(d.ContactId);
        w.NullableString(d.AccountId);
        w.Int64(Values.Micros(d.CreatedAt));
        Values.Instant(w, d.ClosedAt);
        Values.Enum(w, d.Status);
        Values.Decimal(w, d.Amount);
        Values.Decimal(w, d.ListAmount);
        Values.Enum(w, d.Type);
        w.NullableString(d.Source is { } s ? SnakeCaseNames<DealSource>.Name(s) : null);
        Values.Properties(w, d.Properties);
    }

    public override Deal ReadValues(RowBinaryReader r, string key) => new()
    {
        DealId = key,
        ContactId = r.NullableString(),
        AccountId = r.NullableString(),
        CreatedAt = Values.Instant(r.Int64()),
        ClosedAt = Values.Instant(r),
        Status = Values.Enum<DealStatus>(r),
        Amount = Values.Decimal(r),
        ListAmount = Values.Decimal(r),
        Type = Values.Enum<DealType>(r),
        Source = r.NullableString() is { } s && SnakeCaseNames<DealSource>.TryParse(s, out var source) ? source : null,
        Properties = Values.Properties(r),
    };
}
