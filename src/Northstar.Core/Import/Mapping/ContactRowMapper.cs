using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>Canonical contacts; an empty channel is derived from source / medium / campaign when any is set.</summary>
internal sealed class ContactRowMapper : RowMapper
{
    private readonly FactBuffer<Contact> _out;
    private readonly ChannelClassifier _channels;
    private readonly int _id, _createdAt, _accountId, _segment, _icpFit, _source, _medium, _campaign, _channel, _owner;

    public ContactRowMapper(MapperSetup setup)
        : base(setup)
    {
        _id = Require("contact_id");
        (_createdAt, _accountId, _segment, _icpFit) = (Optional("created_at"), Optional("account_id"), Optional("segment"), Optional("icp_fit"));
        (_source, _medium, _campaign, _channel, _owner) = (Optional("source"), Optional("medium"), Optional("campaign"), Optional("channel"), Optional("owner"));
        _out = Buffer<Contact>();
        _channels = new ChannelClassifier(setup.Grouping);
    }

    public override void Map(RowContext row)
    {
        var id = row.RequiredText(_id);
        var createdAt = row.Timestamp(_createdAt);
        var icpFit = row.Bool(_icpFit);
        if (row.HasErrors)
        {
            return;
        }

        var (source, medium, campaign) = (row.Pooled(_source), row.Pooled(_medium), row.Pooled(_campaign));
        var channel = row.Pooled(_channel);
        if (channel is null && (source ?? medium ?? campaign) is not null)
        {
            channel = _channels.Classify(source, medium, campaign, null);
        }

        _out.Add(
            new Contact
            {
                ContactId = id!,
                CreatedAt = createdAt,
                AccountId = row.Text(_accountId),
                Segment = row.Pooled(_segment),
                IcpFit = icpFit,
                Source = source,
                Medium = medium,
                Campaign = campaign,
                Channel = channel,
                Owner = row.Pooled(_owner),
                Properties = row.Properties(),
            },
            row.Line);
    }
}
