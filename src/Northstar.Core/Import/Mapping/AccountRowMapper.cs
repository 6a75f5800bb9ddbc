using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>Canonical accounts.</summary>
internal sealed class AccountRowMapper : RowMapper
{
    private readonly FactBuffer<Account> _out;
    private readonly int _id, _name, _segment, _industry, _createdAt;

    public AccountRowMapper(MapperSetup setup)
        : base(setup)
    {
        _id = Require("account_id");
        (_name, _segment, _industry, _createdAt) = (Optional("name"), Optional("segment"), Optional("industry"), Optional("created_at"));
        _out = Buffer<Account>();
    }

    public override void Map(RowContext row)
    {
        var id = row.RequiredText(_id);
        var createdAt = row.Timestamp(_createdAt);
        if (row.HasErrors)
        {
            return;
        }

        _out.Add(
            new Account
            {
                AccountId = id!,
                Name = row.Text(_name),
                Segment = row.Pooled(_segment),
                Industry = row.Pooled(_industry),
                CreatedAt = createdAt,
                Properties = row.Properties(),
            },
            row.Line);
    }
}
