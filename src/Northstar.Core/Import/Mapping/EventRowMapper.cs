using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>
/// Canonical events. An empty <c>channel</c> is derived with the workspace's channel grouping
/// when the row says where the visit came from (source, medium or campaign) or is a session
/// start; other events without a source keep no channel, so that page views do not all
/// become "direct" touchpoints.
/// </summary>
internal sealed class EventRowMapper : RowMapper
{
    private readonly FactBuffer<EventFact> _out;
    private readonly ChannelClassifier _channels;
    private readonly EventIdHasher _hasher;
    private readonly int _id, _timestamp, _type, _anonymousId, _contactId, _sessionId, _source, _medium, _campaign;
    private readonly int _channel, _landingPage, _page, _referrer, _cta, _form, _field, _variant, _asset, _value;

    public EventRowMapper(MapperSetup setup)
        : base(setup)
    {
        _id = Optional("id");
        _timestamp = Require("timestamp");
        _type = Require("type");
        (_anonymousId, _contactId, _sessionId) = (Optional("anonymous_id"), Optional("contact_id"), Optional("session_id"));
        (_source, _medium, _campaign, _channel) = (Optional("source"), Optional("medium"), Optional("campaign"), Optional("channel"));
        (_landingPage, _page, _referrer) = (Optional("landing_page"), Optional("page"), Optional("referrer"));
        (_cta, _form, _field) = (Optional("cta"), Optional("form"), Optional("field"));
        (_variant, _asset, _value) = (Optional("variant"), Optional("asset"), Optional("value"));
        _out = Buffer<EventFact>();
        _channels = new ChannelClassifier(setup.Grouping);
        _hasher = new EventIdHasher(setup.Columns, _id);
    }

    public override void Map(RowContext row)
    {
        var timestamp = row.Timestamp(_timestamp, required: true);
        var type = row.Enum<EventType>(_type, "an event type", required: true);
        var value = row.Decimal(_value, nonNegative: false);
        if (row.HasErrors)
        {
            return;
        }

        var (source, medium, campaign, referrer) = (row.Pooled(_source), row.Pooled(_medium), row.Pooled(_campaign), row.Pooled(_referrer));
        var channel = row.Pooled(_channel);
        if (channel is null && ((source ?? medium ?? campaign) is not null || type == EventType.SessionStart))
        {
            channel = _channels.Classify(source, medium, campaign, referrer);
        }

        _out.Add(
            new EventFact
            {
                Id = row.Text(_id) ?? _hasher.Hash(row),
                Timestamp = timestamp!.Value,
                Type = type!.Value,
                AnonymousId = row.Text(_anonymousId),
                ContactId = row.Text(_contactId),
                SessionId = row.Text(_sessionId),
                Source = source,
                Medium = medium,
                Campaign = campaign,
                Channel = channel,
                LandingPage = row.Pooled(_landingPage),
                Page = row.Pooled(_page),
                Referrer = referrer,
                Cta = row.Pooled(_cta),
                Form = row.Pooled(_form),
                Field = row.Pooled(_field),
                Variant = row.Pooled(_variant),
                Asset = row.Pooled(_asset),
                Value = value,
                Properties = row.Properties(),
            },
            row.Line);
    }
}
