using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>NPS answers, by the month they were given.</summary>
internal sealed class SurveyTable : FactTable<SurveyAnswer>
{
    public override FactKind Kind => FactKind.Surveys;

    public override string Name => "surveys";

    public override string ValueColumnsDdl =>
        "answered_at Int64, contact_id Nullable(String), account_id Nullable(String), score Int32, comment Nullable(String), prop_names Array(String), prop_values Array(String)";

    public override DateTimeOffset? MainTime(SurveyAnswer fact) => fact.AnsweredAt;

    public override void WriteValues(RowBinaryWriter w, SurveyAnswer s)
    {
        w.Int64(Values.Micros(s.AnsweredAt));
        w.NullableString(s.ContactId);
        w.NullableString(s.AccountId);
        w.Int32(s.Score);
        w.NullableString(s.Comment);
        Values.Properties(w, s.Properties);
    }

    public override SurveyAnswer ReadValues(RowBinaryReader r, string key) => new()
    {
        ResponseId = key,
        AnsweredAt = Values.Instant(r.Int64()),
        ContactId = r.NullableString(),
        AccountId = r.NullableString(),
        Score = r.Int32(),
        Comment = r.NullableString(),
        Properties = Values.Properties(r),
    };
}
