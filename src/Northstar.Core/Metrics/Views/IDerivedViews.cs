using Northstar.Core.Facts;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The derived views of DESIGN.md, maintained by the store as facts arrive (never edited by
/// hand), so that no KPI query scans raw events. Every method is scoped to one workspace.
/// Days are local days in the workspace's time zone.
/// </summary>
public interface IDerivedViews
{
    /// <summary>
    /// The daily event rollup rows with a day in <paramref name="range"/>, of the given event
    /// types (all types when null), in no particular order. Summing <see cref="EventRollupRow.Count"/>
    /// over rows gives exactly the number of stored events that match.
    /// </summary>
    IReadOnlyList<EventRollupRow> ReadEventRollup(Workspace workspace, DateRange range, IReadOnlyCollection<EventType>? types = null);

    /// <summary>
    /// The daily event totals with a day in <paramref name="range"/>: one row per day and type of
    /// <paramref name="types"/>, every dimension null, its count and value the sums of
    /// <see cref="ReadEventRollup"/>'s rows of that day and type (a day and type without events left out), in
    /// no particular order: what a count without breakdown or filter needs. This default sums
    /// those rows; a store sums them in the database instead of sending one row per dimension set.
    /// </summary>
    IReadOnlyList<EventRollupRow> ReadEventTotals(Workspace workspace, DateRange range, IReadOnlyCollection<EventType> types) =>
        [.. ReadEventRollup(workspace, range, types)
            .GroupBy(r => (r.Day, r.Type))
            .Select(g => new EventRollupRow(g.Key.Day, g.Key.Type, default, g.Sum(r => r.Count), g.Sum(r => r.Value)))
            .Where(r => r.Count != 0)];

    /// <summary>
    /// The number of distinct actors with at least one event of the given types in the range. An
    /// actor is the event's own contact id, else its anonymous id (not identity-resolved: an
    /// anonymous visitor who later identifies stays a separate actor on the events before);
    /// events with neither id have no actor. Exact up to 64-bit hash collisions
    /// (<see cref="ActorHash"/>). Only the types in <see cref="DistinctActorTypes.All"/> are kept;
    /// any other type throws <see cref="ArgumentException"/>.
    /// </summary>
    long CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, DateRange range);

    /// <summary>
    /// <see cref="CountDistinctActors(Workspace, IReadOnlyCollection{EventType}, DateRange)"/> for
    /// several ranges at once, in their order: what a query by month asks for (every month, the
    /// whole period, the period it is compared with). This default counts range by range; a store
    /// may read the days the ranges share once.
    /// </summary>
    IReadOnlyList<long> CountDistinctActors(Workspace workspace, IReadOnlyCollection<EventType> types, IReadOnlyList<DateRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        return [.. ranges.Select(range => CountDistinctActors(workspace, types, range))];
    }

    /// <summary>
    /// One lifecycle per contact: every contact that has a contact row, a stage change or an event
    /// with its id, ordered by contact id (ordinal). "Earliest" event everywhere in the views is by
    /// timestamp, then by event id (<see cref="Touchpoints.Earlier"/>).
    /// </summary>
    IReadOnlyList<ContactLifecycle> ReadLifecycles(Workspace workspace);

    /// <summary>
    /// The lifecycles of these contacts (those that have one), in no particular order: what a
    /// deal's dimensions read, without reading every lifecycle. Equal to <see cref="ReadLifecycles"/>'s
    /// lifecycles of those ids, which is what this default does; a store reads only them.
    /// </summary>
    IReadOnlyList<ContactLifecycle> ReadLifecyclesOf(Workspace workspace, IReadOnlyCollection<string> contactIds)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        var wanted = contactIds.ToHashSet(StringComparer.Ordinal);
        return [.. ReadLifecycles(workspace).Where(l => wanted.Contains(l.ContactId))];
    }

    /// <summary>
    /// The stage rollup rows with a day in <paramref name="range"/>, of the given moments (all when
    /// null), in no particular order: for each moment, day and <see cref="ContactDims"/>, how many
    /// lifecycles of <see cref="ReadLifecycles"/> reach the moment that day. Equal to
    /// <see cref="StageRollup.From"/> over those lifecycles, which is what this default does; a
    /// store keeps the rollup so that counts need not read every lifecycle.
    /// </summary>
    IReadOnlyList<StageRollupRow> ReadStageRollup(Workspace workspace, DateRange range, IReadOnlyCollection<ContactMoment>? moments = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return StageRollup.From(ReadLifecycles(workspace), workspace.TimeZone, range, moments);
    }

    /// <summary>
    /// The stage rollup of one moment with a day in <paramref name="range"/>, summed per day and
    /// value of one dimension of <see cref="ContactDims.Names"/> (per day when
    /// <paramref name="dimension"/> is null), in no particular order: what a count grouped by
    /// one dimension, without filters, needs. Equal to <see cref="StageRollup.Counts"/> over
    /// <see cref="ReadStageRollup"/>, which is what this default does; any other dimension throws
    /// <see cref="ArgumentException"/>.
    /// </summary>
    IReadOnlyList<StageCountRow> ReadStageCounts(Workspace workspace, DateRange range, ContactMoment moment, string? dimension) =>
        StageRollup.Counts(ReadStageRollup(workspace, range, [moment]), dimension);

    /// <summary>
    /// The stage times and values of <see cref="ReadLifecycles"/>'s lifecycles that entered a
    /// stage, in columns: what cohort rates and stage velocities read. Equal to
    /// <see cref="StageTimes.From"/> over those lifecycles, which is what this default does; a
    /// store keeps them packed so that these KPIs need not read every lifecycle.
    /// </summary>
    StageTimes ReadStageTimes(Workspace workspace) => StageTimes.From(ReadLifecycles(workspace));

    /// <summary>Every anonymous id linked to a contact, in no particular order.</summary>
    IReadOnlyList<IdentityLink> ReadIdentities(Workspace workspace);

    /// <summary>A number that changes whenever the workspace's facts change (callers cache on it).</summary>
    long DataVersion(Workspace workspace);
}
