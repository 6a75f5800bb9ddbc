using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>Sales activities, by month of their timestamp.</summary>
internal sealed class ActivityTable : FactTable<Activity>
{
    public override FactKind Kind => FactKind.Activities;

    public override string Name => "activities";

    public override string ValueColumnsDdl =>
        "ts Int64, contact_id Nullable(String), account_id Nullable(String), kind String, asset Nullable(String), owner Nullable(String), prop_names Array(String), prop_values Array(String)";

    public override DateTimeOffset? MainTime(Activity fact) => fact.Timestamp;

    public override void WriteValues(RowBinaryWriter w, Activity a)
    {
        w.Int64(Values.Micros(a.Timestamp));
        w.NullableString(a.ContactId);
        w.NullableString(a.AccountId);
        Values.Enum(w, a.Kind);
        w.NullableString(a.Asset);
        w.NullableString(a.Owner);
        Values.Properties(w, a.Properties);
    }

    public override Activity ReadValues(RowBinaryReader r, string key) => new()
    {
        ActivityId = key,
        Timestamp = Values.Instant(r.Int64()),
        ContactId = r.NullableString(),
        AccountId = r.NullableString(),
        Kind = Values.Enum<ActivityKind>(r),
        Asset = r.NullableString(),
        Owner = r.NullableString(),
        Properties = Values.Properties(r),
    };
}
