using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>Canonical sales activities.</summary>
internal sealed class ActivityRowMapper : RowMapper
{
    private readonly FactBuffer<Activity> _out;
    private readonly int _id, _timestamp, _contactId, _accountId, _kind, _asset, _owner;

    public ActivityRowMapper(MapperSetup setup)
        : base(setup)
    {
        (_id, _timestamp, _contactId, _accountId) = (Require("activity_id"), Require("timestamp"), Optional("contact_id"), Optional("account_id"));
        (_kind, _asset, _owner) = (Require("kind"), Optional("asset"), Optional("owner"));
        _out = Buffer<Activity>();
    }

    public override void Map(RowContext row)
    {
        var id = row.RequiredText(_id);
        var timestamp = row.Timestamp(_timestamp, required: true);
        var kind = row.Enum<ActivityKind>(_kind, "an activity kind", required: true);
        if (row.HasErrors)
        {
            return;
        }

        _out.Add(
            new Activity
            {
                ActivityId = id!,
                Timestamp = timestamp!.Value,
                ContactId = row.Text(_contactId),
                AccountId = row.Text(_accountId),
                Kind = kind!.Value,
                Asset = row.Pooled(_asset),
                Owner = row.Pooled(_owner),
                Properties = row.Properties(),
            },
            row.Line);
    }
}
