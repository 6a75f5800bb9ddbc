using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Postgres.Tables;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace Northstar.Storage.Postgres;

/// <summary>
/// The views' share of the events a session writes into a workspace without events, gathered in
/// memory as they are copied (on the session's thread, beside the importer's parsing) instead of
/// grouped from the event table at commit: rollup counts and sums, actor days, and the earliest
/// event per anonymous id (identity links) and per actor and kind (firsts). At commit each goes
/// to the database as one binary COPY and one upsert, as many rows as groups, not events.
/// </summary>
internal sealed class EventDeltas
{
    private readonly Dictionary<(DateOnly Day, EventType Type, EventDims Dims), (long Count, decimal Value)> _rollup = [];
    private readonly HashSet<(EventType Type, DateOnly Day, long Actor)> _actorDays = [];
    private readonly Dictionary<string, (EventFact Event, long Micro)> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<(FirstKind Kind, bool IsContact, string Actor), (EventFact Event, long Micro)> _firsts = [];

    public void Add(EventFact e, DateOnly day)
    {
        // One hash lookup per group (the key hashes eleven strings), updated in place.
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_rollup, (day, e.Type, Touchpoints.DimsOf(e)), out _);
        sum = (sum.Count + 1, sum.Value + (e.Value ?? 0m));
        if (IsDistinctActorType(e.Type) && ActorHash.Of(e.ContactId, e.AnonymousId) is { } actor)
        {
            _actorDays.Add((e.Type, day, actor));
        }

        var contact = e.ContactId;
        var anonymous = e.AnonymousId;
        if (contact is null && anonymous is null)
        {
            return;
        }

        // The event's time at the store's precision, worked out once for every comparison below.
        var micro = Cells.Micro(e.Timestamp).UtcTicks;
        if (anonymous is not null && contact is not null)
        {
            Earliest(_links, anonymous, e, micro);
        }

        var touch = Touchpoints.IsTouch(e);
        var form = e.Type == EventType.FormSubmit;
        if (contact is not null)
        {
            Earliest(_firsts, (FirstKind.AnyEvent, true, contact), e, micro);
            if (touch)
            {
                Earliest(_firsts, (FirstKind.Touch, true, contact), e, micro);
            }

            if (form)
            {
                Earliest(_firsts, (FirstKind.FormSubmit, true, contact), e, micro);
            }
        }

        if (anonymous is not null)
        {
            if (touch)
            {
                Earliest(_firsts, (FirstKind.Touch, false, anonymous), e, micro);
            }

            if (form)
            {
                Earliest(_firsts, (FirstKind.FormSubmit, false, anonymous), e, micro);
            }
        }
    }

    /// <summary><see cref="DistinctActorTypes.All"/> as a table by type value (a set lookup through its interface per event cost more).</summary>
    private static readonly bool[] DistinctActorTable = BuildDistinctActorTable();

    private static bool[] BuildDistinctActorTable()
    {
        var table = new bool[Enum.GetValues<EventType>().Max(t => (int)t) + 1];
        foreach (var type in DistinctActorTypes.All)
        {
            table[(int)type] = true;
        }

        return table;
    }

    private static bool IsDistinctActorType(EventType type) =>
        (uint)type < (uint)DistinctActorTable.Length && DistinctActorTable[(int)type];

    /// <summary>
    /// Writes everything gathered, one binary COPY per view. With an empty <paramref name="prefix"/>
    /// straight into the view tables: right when the workspace had no events, so no view rows
    /// either (ClearFacts and the session's advisory lock keep it so). Otherwise into temporary
    /// tables of the same shape named with the prefix, which <see cref="StagedApply"/> merges.
    /// </summary>
    public void Write(NpgsqlConnection connection, long workspaceId, string prefix)
    {
        if (prefix.Length > 0)
        {
            foreach (var view in (string[])["event_rollup", "actor_days", "identities", "firsts"])
            {
                using var create = new NpgsqlCommand($"CREATE TEMP TABLE {prefix}{view} ON COMMIT DROP AS SELECT * FROM {view} WITH NO DATA", connection);
                create.ExecuteNonQuery();
            }
        }

        const string Dims = "channel, source, medium, campaign, landing_page, page, cta, form, field, variant, asset";
        Copy(connection, workspaceId, $"{prefix}event_rollup (workspace_id, day, type, {Dims}, count, value)", _rollup, (w, row) =>
        {
            Cells.Date(w, row.Key.Day);
            Cells.Short(w, (int)row.Key.Type);
            var d = row.Key.Dims;
            foreach (var value in (string?[])[d.Channel, d.Source, d.Medium, d.Campaign, d.LandingPage, d.Page, d.Cta, d.Form, d.Field, d.Variant, d.Asset])
            {
                Cells.Text(w, value);
            }

            w.Write(row.Value.Count, NpgsqlDbType.Bigint);
            Cells.Decimal(w, row.Value.Value);
        });
        Copy(connection, workspaceId, $"{prefix}actor_days (workspace_id, type, day, actor)", _actorDays, (w, row) =>
        {
            Cells.Short(w, (int)row.Type);
            Cells.Date(w, row.Day);
            w.Write(row.Actor, NpgsqlDbType.Bigint);
        });
        Copy(connection, workspaceId, $"{prefix}identities (workspace_id, anonymous_id, contact_id, linked_at, event_id)", _links, (w, row) =>
        {
            Cells.Text(w, row.Key);
            var e = row.Value.Event;
            Cells.Text(w, e.ContactId);
            Cells.Time(w, e.Timestamp);
            Cells.Text(w, e.Id);
        });
        Copy(connection, workspaceId, $"{prefix}firsts (workspace_id, kind, is_contact, actor_id, event_id, ts, channel, source, medium, campaign, landing_page)", _firsts, (w, row) =>
        {
            var e = row.Value.Event;
            Cells.Short(w, (int)row.Key.Kind);
            w.Write(row.Key.IsContact, NpgsqlDbType.Boolean);
            Cells.Text(w, row.Key.Actor);
            Cells.Text(w, e.Id);
            Cells.Time(w, e.Timestamp);
            Cells.Text(w, e.Channel);
            Cells.Text(w, e.Source);
            Cells.Text(w, e.Medium);
            Cells.Text(w, e.Campaign);
            Cells.Text(w, e.LandingPage);
        });
    }

    private static void Earliest<TKey>(Dictionary<TKey, (EventFact Event, long Micro)> earliest, TKey key, EventFact e, long micro)
        where TKey : notnull
    {
        // At the store's precision: two events within one microsecond are ordered by id, as once stored.
        ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(earliest, key, out var exists);
        if (!exists || micro < best.Micro || (micro == best.Micro && Touchpoints.Earlier(e.Timestamp, e.Id, e.Timestamp, best.Event.Id)))
        {
            best = (e, micro);
        }
    }

    /// <summary>One binary COPY of <paramref name="rows"/> into <paramref name="target"/> (table and columns, the workspace id first).</summary>
    private static void Copy<T>(NpgsqlConnection connection, long workspaceId, string target, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {

        using var copy = connection.BeginBinaryImport($"COPY {target} FROM STDIN (FORMAT BINARY)");
        copy.Timeout = TimeSpan.Zero;
        foreach (var row in rows)
        {
            copy.StartRow();
            copy.Write(workspaceId, NpgsqlDbType.Bigint);
            write(copy, row);
        }

        copy.Complete();
    }
}
