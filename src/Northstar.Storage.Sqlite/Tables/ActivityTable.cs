using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

internal sealed class ActivityTable() : FactTable<Activity>(
    FactKind.Activities, ["activity_id"], ["timestamp", "contact_id", "account_id", "kind", "asset", "owner"], "timestamp")
{
    public override void Bind(RowBinder row, Activity fact)
    {
        row.Text(fact.ActivityId);
        row.Time(fact.Timestamp);
        row.Text(fact.ContactId);
        row.Text(fact.AccountId);
        row.Enum(fact.Kind);
        row.Text(fact.Asset);
        row.Text(fact.Owner);
        row.Properties(fact.Properties);
    }

    public override Activity Read(RowReader row) => new()
    {
        ActivityId = row.Text(),
        Timestamp = row.Time(),
        ContactId = row.TextOrNull(),
        AccountId = row.TextOrNull(),
        Kind = row.Enum<ActivityKind>(),
        Asset = row.SharedTextOrNull(),
        Owner = row.SharedTextOrNull(),
        Properties = row.Properties(),
    };
}
