using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>Canonical deals; an empty type means new business.</summary>
internal sealed class DealRowMapper : RowMapper
{
    private readonly FactBuffer<Deal> _out;
    private readonly int _id, _contactId, _accountId, _createdAt, _closedAt, _status, _amount, _listAmount, _type, _source;

    public DealRowMapper(MapperSetup setup)
        : base(setup)
    {
        _id = Require("deal_id");
        (_contactId, _accountId) = (Optional("contact_id"), Optional("account_id"));
        (_createdAt, _closedAt, _status) = (Require("created_at"), Optional("closed_at"), Require("status"));
        (_amount, _listAmount, _type, _source) = (Optional("amount"), Optional("list_amount"), Optional("type"), Optional("source"));
        _out = Buffer<Deal>();
    }

    public override void Map(RowContext row)
    {
        var id = row.RequiredText(_id);
        var createdAt = row.Timestamp(_createdAt, required: true);
        var closedAt = row.Timestamp(_closedAt);
        var status = row.Enum<DealStatus>(_status, "a deal status", required: true);
        var amount = row.Decimal(_amount, nonNegative: true);
        var listAmount = row.Decimal(_listAmount, nonNegative: true);
        var type = row.Enum<DealType>(_type, "a deal type");
        var source = row.Enum<DealSource>(_source, "a deal source");
        if (row.HasErrors)
        {
            return;
        }

        _out.Add(
            new Deal
            {
                DealId = id!,
                ContactId = row.Text(_contactId),
                AccountId = row.Text(_accountId),
                CreatedAt = createdAt!.Value,
                ClosedAt = closedAt,
                Status = status!.Value,
                Amount = amount,
                ListAmount = listAmount,
                Type = type ?? DealType.New,
                Source = source,
                Properties = row.Properties(),
            },
            row.Line);
    }
}
