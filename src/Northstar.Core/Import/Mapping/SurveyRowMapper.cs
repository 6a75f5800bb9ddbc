using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>Canonical NPS answers; the score is a whole number from 0 to 10.</summary>
internal sealed class SurveyRowMapper : RowMapper
{
    private readonly FactBuffer<SurveyAnswer> _out;
    private readonly int _id, _answeredAt, _contactId, _accountId, _score, _comment;

    public SurveyRowMapper(MapperSetup setup)
        : base(setup)
    {
        (_id, _answeredAt, _contactId) = (Require("response_id"), Require("answered_at"), Optional("contact_id"));
        (_accountId, _score, _comment) = (Optional("account_id"), Require("score"), Optional("comment"));
        _out = Buffer<SurveyAnswer>();
    }

    public override void Map(RowContext row)
    {
        var id = row.RequiredText(_id);
        var answeredAt = row.Timestamp(_answeredAt, required: true);
        var score = row.Int(_score, 0, 10, "a score from 0 to 10", required: true);
        if (row.HasErrors)
        {
            return;
        }

        _out.Add(
            new SurveyAnswer
            {
                ResponseId = id!,
                AnsweredAt = answeredAt!.Value,
                ContactId = row.Text(_contactId),
                AccountId = row.Text(_accountId),
                Score = score!.Value,
                Comment = row.Text(_comment),
                Properties = row.Properties(),
            },
            row.Line);
    }
}
