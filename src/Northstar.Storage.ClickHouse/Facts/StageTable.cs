using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>Stage changes (key: contact id | stage), by the month they were entered.</summary>
internal sealed class StageTable : FactTable<StageChange>
{
    public override FactKind Kind => FactKind.Stages;

    public override string Name => "stages";

    public override string ValueColumnsDdl => "contact_id String, stage String, entered_at Int64, prop_names Array(String), prop_values Array(String)";

    public override DateTimeOffset? MainTime(StageChange fact) => fact.EnteredAt;

    public override void WriteValues(RowBinaryWriter w, StageChange s)
    {
        w.String(s.ContactId);
        Values.Enum(w, s.Stage);
        w.Int64(Values.Micros(s.EnteredAt));
        Values.Properties(w, s.Properties);
    }

    public override StageChange ReadValues(RowBinaryReader r, string key) => new()
    {
        ContactId = r.String(),
        Stage = Values.Enum<Stage>(r),
        EnteredAt = Values.Instant(r.Int64()),
        Properties = Values.Properties(r),
    };
}
