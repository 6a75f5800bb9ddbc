using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

/// <summary>
/// Events, the hot path, are not stored a row each: they live in segments
/// (<c>event_segments</c>, up to 4096 encoded events a blob, written once, see
/// <see cref="Events.EventSegment"/>), and the narrow <c>events</c> table maps each event's key,
/// a 63-bit hash of (workspace, event id) (<see cref="Events.EventKeyHash"/>), to its id and its
/// position (segment and slot). <see cref="Events.EventWriter"/> writes them and
/// <see cref="Events.EventSegmentReader"/> reads them; the columns here name the fields only.
/// </summary>
internal sealed class EventTable() : FactTable<EventFact>(
    FactKind.Events,
    ["id"],
    ["timestamp", "type", "anonymous_id", "contact_id", "session_id", "source", "medium", "campaign", "channel",
     "landing_page", "page", "referrer", "cta", "form", "field", "variant", "asset", "value"],
    "timestamp")
{
    /// <summary>Live events only: a segment's count and time range leave out its replaced versions.</summary>
    public override string SummarySql =>
        "SELECT coalesce(sum(live), 0), min(min_time), max(max_time) FROM event_segments WHERE workspace_id = ?1";

    public override string ClearSql =>
        "DELETE FROM events WHERE workspace_id = $ws; DELETE FROM event_segments WHERE workspace_id = $ws";

    public override void Bind(RowBinder row, EventFact fact) => throw Segmented();

    public override EventFact Read(RowReader row) => throw Segmented();

    private static NotSupportedException Segmented() => new("Events are stored in segments: use EventWriter and EventSegmentReader.");
}
