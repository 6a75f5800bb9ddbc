using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>Canonical stage changes: one row per contact and stage.</summary>
internal sealed class StageRowMapper : RowMapper
{
    private readonly FactBuffer<StageChange> _out;
    private readonly int _contactId, _stage, _enteredAt;

    public StageRowMapper(MapperSetup setup)
        : base(setup)
    {
        (_contactId, _stage, _enteredAt) = (Require("contact_id"), Require("stage"), Require("entered_at"));
        _out = Buffer<StageChange>();
    }

    public override void Map(RowContext row)
    {
        var contactId = row.RequiredText(_contactId);
        var stage = row.Enum<Stage>(_stage, "a stage", required: true);
        var enteredAt = row.Timestamp(_enteredAt, required: true);
        if (row.HasErrors)
        {
            return;
        }

        _out.Add(new StageChange { ContactId = contactId!, Stage = stage!.Value, EnteredAt = enteredAt!.Value, Properties = row.Properties() }, row.Line);
    }
}
