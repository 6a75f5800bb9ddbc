using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

internal sealed class StageTable() : FactTable<StageChange>(FactKind.Stages, ["contact_id", "stage"], ["entered_at"], "entered_at")
{
    public override void Bind(RowBinder row, StageChange fact)
    {
        row.Text(fact.ContactId);
        row.Enum(fact.Stage);
        row.Time(fact.EnteredAt);
        row.Properties(fact.Properties);
    }

    public override StageChange Read(RowReader row) => new()
    {
        ContactId = row.Text(),
        Stage = row.Enum<Stage>(),
        EnteredAt = row.Time(),
        Properties = row.Properties(),
    };
}
