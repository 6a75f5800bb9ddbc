using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

internal sealed class AccountTable() : FactTable<Account>(FactKind.Accounts, ["account_id"], ["name", "segment", "industry", "created_at"], "created_at")
{
    public override void Bind(RowBinder row, Account fact)
    {
        row.Text(fact.AccountId);
        row.Text(fact.Name);
        row.Text(fact.Segment);
        row.Text(fact.Industry);
        row.Time(fact.CreatedAt);
        row.Properties(fact.Properties);
    }

    public override Account Read(RowReader row) => new()
    {
        AccountId = row.Text(),
        Name = row.TextOrNull(),
        Segment = row.SharedTextOrNull(),
        Industry = row.SharedTextOrNull(),
        CreatedAt = row.TimeOrNull(),
        Properties = row.Properties(),
    };
}
