using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>Contacts, by creation month.</summary>
internal sealed class ContactTable : FactTable<Contact>
{
    public override FactKind Kind => FactKind.Contacts;

    public override string Name => "contacts";

    public override string ValueColumnsDdl =>
        "created_at Nullable(Int64), account_id Nullable(String), segment Nullable(String), icp_fit Nullable(UInt8), " +
        "source Nullable(String), medium Nullable(String), campaign Nullable(String), channel Nullable(String), owner Nullable(String), " +
        "prop_names Array(String), prop_values Array(String)";

    public override DateTimeOffset? MainTime(Contact fact) => fact.CreatedAt;

    public override void WriteValues(RowBinaryWriter w, Contact c)
    {
        Values.Instant(w, c.CreatedAt);
        w.NullableString(c.AccountId);
        w.NullableString(c.Segment);
        Values.Bool(w, c.IcpFit);
        w.NullableString(c.Source);
        w.NullableString(c.Medium);
        w.NullableString(c.Campaign);
        w.NullableString(c.Channel);
        w.NullableString(c.Owner);
        Values.Properties(w, c.Properties);
    }

    public override Contact ReadValues(RowBinaryReader r, string key) => new()
    {
        ContactId = key,
        CreatedAt = Values.Instant(r),
        AccountId = r.NullableString(),
        Segment = r.NullableString(),
        IcpFit = Values.Bool(r),
        Source = r.NullableString(),
        Medium = r.NullableString(),
        Campaign = r.NullableString(),
        Channel = r.NullableString(),
        Owner = r.NullableString(),
        Properties = Values.Properties(r),
    };
}
