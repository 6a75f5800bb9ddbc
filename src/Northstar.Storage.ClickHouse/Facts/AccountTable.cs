using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>Accounts (companies), by creation month.</summary>
internal sealed class AccountTable : FactTable<Account>
{
    public override FactKind Kind => FactKind.Accounts;

    public override string Name => "accounts";

    public override string ValueColumnsDdl =>
        "name Nullable(String), segment Nullable(String), industry Nullable(String), created_at Nullable(Int64), prop_names Array(String), prop_values Array(String)";

    public override DateTimeOffset? MainTime(Account fact) => fact.CreatedAt;

    public override void WriteValues(RowBinaryWriter w, Account a)
    {
        w.NullableString(a.Name);
        w.NullableString(a.Segment);
        w.NullableString(a.Industry);
        Values.Instant(w, a.CreatedAt);
        Values.Properties(w, a.Properties);
    }

    public override Account ReadValues(RowBinaryReader r, string key) => new()
    {
        AccountId = key,
        Name = r.NullableString(),
        Segment = r.NullableString(),
        Industry = r.NullableString(),
        CreatedAt = Values.Instant(r),
        Properties = Values.Properties(r),
    };
}
