using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

internal sealed class SpendTable() : FactTable<Spend>(
    FactKind.Spend, ["date", "channel", "campaign", "kind"], ["amount", "impressions", "clicks"], "date", timeIsDate: true)
{
    public override void Bind(RowBinder row, Spend fact)
    {
        row.Date(fact.Date);
        row.Text(fact.Channel);
        row.Text(fact.Campaign);
        row.Enum(fact.Kind);
        row.Decimal(fact.Amount);
        row.Int(fact.Impressions);
        row.Int(fact.Clicks);
        row.Properties(fact.Properties);
    }

    public override Spend Read(RowReader row) => new()
    {
        Date = row.Date(),
        Channel = row.SharedText(),
        Campaign = row.SharedText(),
        Kind = row.Enum<SpendKind>(),
        Amount = row.Decimal(),
        Impressions = row.IntOrNull(),
        Clicks = row.IntOrNull(),
        Properties = row.Properties(),
    };
}
