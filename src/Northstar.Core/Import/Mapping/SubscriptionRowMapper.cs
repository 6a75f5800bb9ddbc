using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>Canonical subscriptions.</summary>
internal sealed class SubscriptionRowMapper : RowMapper
{
    private readonly FactBuffer<Subscription> _out;
    private readonly int _id, _accountId, _startedAt, _endedAt, _mrr, _renewalDueAt, _renewed;

    public SubscriptionRowMapper(MapperSetup setup)
        : base(setup)
    {
        (_id, _accountId, _startedAt, _endedAt) = (Require("subscription_id"), Optional("account_id"), Require("started_at"), Optional("ended_at"));
        (_mrr, _renewalDueAt, _renewed) = (Require("mrr"), Optional("renewal_due_at"), Optional("renewed"));
        _out = Buffer<Subscription>();
    }

    public override void Map(RowContext row)
    {
        var id = row.RequiredText(_id);
        var startedAt = row.Timestamp(_startedAt, required: true);
        var endedAt = row.Timestamp(_endedAt);
        var mrr = row.Decimal(_mrr, nonNegative: true, required: true);
        var renewalDueAt = row.Timestamp(_renewalDueAt);
        var renewed = row.Bool(_renewed);
        if (row.HasErrors)
        {
            return;
        }

        _out.Add(
            new Subscription
            {
                SubscriptionId = id!,
                AccountId = row.Text(_accountId),
                StartedAt = startedAt!.Value,
                EndedAt = endedAt,
                Mrr = mrr!.Value,
                RenewalDueAt = renewalDueAt,
                Renewed = renewed,
                Properties = row.Properties(),
            },
            row.Line);
    }
}
