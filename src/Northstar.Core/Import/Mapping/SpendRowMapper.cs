using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>Canonical spend; an absent or empty campaign means spend not tied to a campaign.</summary>
internal sealed class SpendRowMapper : RowMapper
{
    private readonly FactBuffer<Spend> _out;
    private readonly int _date, _channel, _campaign, _kind, _amount, _impressions, _clicks;

    public SpendRowMapper(MapperSetup setup)
        : base(setup)
    {
        (_date, _channel, _campaign, _kind) = (Require("date"), Require("channel"), Optional("campaign"), Require("kind"));
        (_amount, _impressions, _clicks) = (Require("amount"), Optional("impressions"), Optional("clicks"));
        _out = Buffer<Spend>();
    }

    public override void Map(RowContext row)
    {
        var date = row.Date(_date, required: true);
        var channel = row.RequiredPooled(_channel);
        var kind = row.Enum<SpendKind>(_kind, "a spend kind", required: true);
        var amount = row.Decimal(_amount, nonNegative: true, required: true);
        var impressions = row.Count(_impressions);
        var clicks = row.Count(_clicks);
        if (row.HasErrors)
        {
            return;
        }

        _out.Add(
            new Spend
            {
                Date = date!.Value,
                Channel = channel!,
                Campaign = row.Pooled(_campaign) ?? "",
                Kind = kind!.Value,
                Amount = amount!.Value,
                Impressions = impressions,
                Clicks = clicks,
                Properties = row.Properties(),
            },
            row.Line);
    }
}
