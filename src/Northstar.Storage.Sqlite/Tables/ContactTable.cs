using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

internal sealed class ContactTable() : FactTable<Contact>(
    FactKind.Contacts,
    ["contact_id"],
    ["created_at", "account_id", "segment", "icp_fit", "source", "medium", "campaign", "channel", "owner"],
    "created_at")
{
    public override void Bind(RowBinder row, Contact fact)
    {
        row.Text(fact.ContactId);
        row.Time(fact.CreatedAt);
        row.Text(fact.AccountId);
        row.Text(fact.Segment);
        row.Bool(fact.IcpFit);
        row.Text(fact.Source);
        row.Text(fact.Medium);
        row.Text(fact.Campaign);
        row.Text(fact.Channel);
        row.Text(fact.Owner);
        row.Properties(fact.Properties);
    }

    public override Contact Read(RowReader row) => new()
    {
        ContactId = row.Text(),
        CreatedAt = row.TimeOrNull(),
        AccountId = row.TextOrNull(),
        Segment = row.SharedTextOrNull(),
        IcpFit = row.Bool(),
        Source = row.SharedTextOrNull(),
        Medium = row.SharedTextOrNull(),
        Campaign = row.SharedTextOrNull(),
        Channel = row.SharedTextOrNull(),
        Owner = row.SharedTextOrNull(),
        Properties = row.Properties(),
    };
}
