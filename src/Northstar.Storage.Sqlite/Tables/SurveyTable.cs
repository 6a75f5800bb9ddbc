using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

internal sealed class SurveyTable() : FactTable<SurveyAnswer>(
    FactKind.Surveys, ["response_id"], ["answered_at", "contact_id", "account_id", "score", "comment"], "answered_at")
{
    public override void Bind(RowBinder row, SurveyAnswer fact)
    {
        row.Text(fact.ResponseId);
        row.Time(fact.AnsweredAt);
        row.Text(fact.ContactId);
        row.Text(fact.AccountId);
        row.Int(fact.Score);
        row.Text(fact.Comment);
        row.Properties(fact.Properties);
    }

    public override SurveyAnswer Read(RowReader row) => new()
    {
        ResponseId = row.Text(),
        AnsweredAt = row.Time(),
        ContactId = row.TextOrNull(),
        AccountId = row.TextOrNull(),
        Score = checked((int)row.Int()),
        Comment = row.TextOrNull(),
        Properties = row.Properties(),
    };
}
