using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>Subscriptions, by the month they started.</summary>
internal sealed class SubscriptionTable : FactTable<Subscription>
{
    public override FactKind Kind => FactKind.Subscriptions;

    public override string Name => "subscriptions";

    public override string ValueColumnsDdl =>
        "account_id Nullable(String), started_at Int64, ended_at Nullable(Int64), mrr String, renewal_due_at Nullable(Int64), renewed Nullable(UInt8), prop_names Array(String), prop_values Array(String)";

    public override DateTimeOffset? MainTime(Subscription fact) => fact.StartedAt;

    public override void WriteValues(RowBinaryWriter w, Subscription s)
    {
        w.NullableString(s.AccountId);
        w.Int64(Values.Micros(s.StartedAt));
        Values.Instant(w, s.EndedAt);
        w.String(Values.DecimalText(s.Mrr));
        Values.Instant(w, s.RenewalDueAt);
        Values.Bool(w, s.Renewed);
        Values.Properties(w, s.Properties);
    }

    public override Subscription ReadValues(RowBinaryReader r, string key) => new()
    {
        SubscriptionId = key,
        AccountId = r.NullableString(),
        StartedAt = Values.Instant(r.Int64()),
        EndedAt = Values.Instant(r),
        Mrr = Values.ParseDecimal(r.String()),
        RenewalDueAt = Values.Instant(r),
        Renewed = Values.Bool(r),
        Properties = Values.Properties(r),
    };
}
