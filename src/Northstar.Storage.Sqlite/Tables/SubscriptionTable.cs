using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

internal sealed class SubscriptionTable() : FactTable<Subscription>(
    FactKind.Subscriptions,
    ["subscription_id"],
    ["account_id", "started_at", "ended_at", "mrr", "renewal_due_at", "renewed"],
    "started_at")
{
    public override void Bind(RowBinder row, Subscription fact)
    {
        row.Text(fact.SubscriptionId);
        row.Text(fact.AccountId);
        row.Time(fact.StartedAt);
        row.Time(fact.EndedAt);
        row.Decimal(fact.Mrr);
        row.Time(fact.RenewalDueAt);
        row.Bool(fact.Renewed);
        row.Properties(fact.Properties);
    }

    public override Subscription Read(RowReader row) => new()
    {
        SubscriptionId = row.Text(),
        AccountId = row.TextOrNull(),
        StartedAt = row.Time(),
        EndedAt = row.TimeOrNull(),
        Mrr = row.Decimal(),
        RenewalDueAt = row.TimeOrNull(),
        Renewed = row.Bool(),
        Properties = row.Properties(),
    };
}
