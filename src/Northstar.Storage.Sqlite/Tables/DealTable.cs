using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

internal sealed class DealTable() : FactTable<Deal>(
    FactKind.Deals,
    ["deal_id"],
    ["contact_id", "account_id", "created_at", "closed_at", "status", "amount", "list_amount", "type", "source"],
    "created_at")
{
    public override void Bind(RowBinder row, Deal fact)
    {
        row.Text(fact.DealId);
        row.Text(fact.ContactId);
        row.Text(fact.AccountId);
        row.Time(fact.CreatedAt);
        row.Time(fact.ClosedAt);
        row.Enum(fact.Status);
        row.Decimal(fact.Amount);
        row.Decimal(fact.ListAmount);
        row.Enum(fact.Type);
        row.Enum(fact.Source);
        row.Properties(fact.Properties);
    }

    public override Deal Read(RowReader row) => new()
    {
        DealId = row.Text(),
        ContactId = row.TextOrNull(),
        AccountId = row.TextOrNull(),
        CreatedAt = row.Time(),
        ClosedAt = row.TimeOrNull(),
        Status = row.Enum<DealStatus>(),
        Amount = row.DecimalOrNull(),
        ListAmount = row.DecimalOrNull(),
        Type = row.Enum<DealType>(),
        Source = row.EnumOrNull<DealSource>(),
        Properties = row.Properties(),
    };
}
