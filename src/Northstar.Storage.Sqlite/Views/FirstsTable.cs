using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Events;
using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// The per-actor firsts (<c>actor_firsts</c>) and identity links (<c>identities</c>), each with
/// the id of the event it came from. A candidate replaces a stored row only when it is earlier
/// (timestamp, then event id: SQLite's row-value order, the same as <see cref="Touchpoints.Earlier"/>).
/// </summary>
internal static class FirstsTable
{
    /// <summary>Stores each candidate that is earlier than the stored first of its slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Merge(sqlite3 db, long workspaceId, ViewDelta delta, DimsTable dims)
    {
        using (var first = new Statement(db,
            "INSERT INTO actor_firsts(workspace_id, kind, is_contact, actor_id, timestamp, event_id, dims_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) " +
            "ON CONFLICT DO UPDATE SET timestamp = excluded.timestamp, event_id = excluded.event_id, dims_id = excluded.dims_id " +
            "WHERE (excluded.timestamp, excluded.event_id) < (actor_firsts.timestamp, actor_firsts.event_id)"))
        {
            // In key order: the B-tree then grows at its end instead of at random pages. Sorted
            // as (kind, is_contact) groups of ids: a comparer over whole (slot, candidate) tuples
            // cost a tenth of a 2M-event import. The groups, at kind * 2 + is_contact (so in
            // (kind, is_contact) order), are filled straight from the candidates: a GroupBy's
            // arrays of (slot, candidate) pairs and their copies were 54 MB at 4M events.
            var groups = new (List<string>? Ids, List<FirstCandidate>? Events)[(Enum.GetValues<FirstKind>().Max(k => (int)k) + 1) * 2];
            foreach (var (slot, candidate) in delta.Firsts)
            {
                ref var group = ref groups[((int)slot.Kind * 2) + (slot.IsContact ? 1 : 0)];
                group.Ids ??= [];
                group.Events ??= [];
                group.Ids.Add(slot.ActorId);
                group.Events.Add(candidate);
            }

            for (var g = 0; g < groups.Length; g++)
            {
                if (groups[g].Ids is null)
                {
                    continue;
                }

                var ids = CollectionsMarshal.AsSpan(groups[g].Ids);
                var candidates = CollectionsMarshal.AsSpan(groups[g].Events);
                ids.Sort(candidates, StringComparer.Ordinal);
                var (kind, isContact) = (g / 2, g % 2);
                for (var i = 0; i < ids.Length; i++)
                {
                    first.Int(1, workspaceId).Int(2, kind).Int(3, isContact).Text(4, ids[i])
                        .Int(5, candidates[i].Micros).Text(6, candidates[i].EventId).Int(7, delta.StoredDims(candidates[i].Dims, dims)).Run();
                }
            }
        }

        using var link = new Statement(db,
            "INSERT INTO identities(workspace_id, anonymous_id, contact_id, linked_at, event_id) VALUES (?1, ?2, ?3, ?4, ?5) " +
            "ON CONFLICT DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at, event_id = excluded.event_id " +
            "WHERE (excluded.linked_at, excluded.event_id) < (identities.linked_at, identities.event_id)");
        foreach (var (anonymous, candidate) in delta.Links.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            link.Int(1, workspaceId).Text(2, anonymous).Text(3, candidate.ContactId).Int(4, candidate.Event.Micros).Text(5, candidate.Event.EventId).Run();
        }
    }

    /// <summary>
    /// The actors whose stored first or link came from one of <paramref name="removed"/> (old
    /// versions of updated events): their stored rows may be stale and must be recomputed.
    /// </summary>
    public static (HashSet<string> Contacts, HashSet<string> Anonymous) Stale(sqlite3 db, long workspaceId, IEnumerable<EventFact> removed)
    {
        var (contacts, anonymous) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        using var first = new Statement(db, "SELECT 1 FROM actor_firsts WHERE workspace_id = ?1 AND is_contact = ?2 AND actor_id = ?3 AND event_id = ?4 LIMIT 1");
        using var link = new Statement(db, "SELECT 1 FROM identities WHERE workspace_id = ?1 AND anonymous_id = ?2 AND event_id = ?3");
        foreach (var old in removed)
        {
            if (old.ContactId is { } c && first.Int(1, workspaceId).Int(2, 1).Text(3, c).Text(4, old.Id).Rows().Any())
            {
                contacts.Add(c);
            }

            if (old.AnonymousId is { } a && (first.Int(1, workspaceId).Int(2, 0).Text(3, a).Text(4, old.Id).Rows().Any()
                || link.Int(1, workspaceId).Text(2, a).Text(3, old.Id).Rows().Any()))
            {
                anonymous.Add(a);
            }
        }

        return (contacts, anonymous);
    }

    /// <summary>Deletes the stale actors' rows, then recomputes them from one scan of the workspace's event segments.</summary>
    public static void Recompute(sqlite3 db, long workspaceId, HashSet<string> contacts, HashSet<string> anonymous, LocalDays days, DimsTable dims)
    {
        NativeSql.Exec(db, "CREATE TEMP TABLE IF NOT EXISTS stale_actors(is_contact INTEGER NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (is_contact, actor_id)); DELETE FROM stale_actors");
        using (var add = new Statement(db, "INSERT INTO stale_actors VALUES (?1, ?2)"))
        {
            foreach (var (isContact, ids) in new[] { (1, contacts), (0, anonymous) })
            {
                foreach (var id in ids)
                {
                    add.Int(1, isContact).Text(2, id).Run();
                }
            }
        }

        using (var deleteFirsts = new Statement(db, "DELETE FROM actor_firsts WHERE workspace_id = ?1 AND (is_contact, actor_id) IN (SELECT is_contact, actor_id FROM stale_actors)"))
        using (var deleteLinks = new Statement(db, "DELETE FROM identities WHERE workspace_id = ?1 AND anonymous_id IN (SELECT actor_id FROM stale_actors WHERE is_contact = 0)"))
        {
            deleteFirsts.Int(1, workspaceId).Run();
            deleteLinks.Int(1, workspaceId).Run();
        }

        // One pass over the workspace's live events, segment by segment (there is no index by actor).
        var fresh = new ViewDelta(days);
        foreach (var e in EventSegmentReader.Read(db, workspaceId))
        {
            if ((e.ContactId is { } c && contacts.Contains(c)) || (e.AnonymousId is { } a && anonymous.Contains(a)))
            {
                fresh.Add(e);
            }
        }

        // Merging every scanned event is safe for the actors that were not stale too: a real event never makes a first wrong.
        Merge(db, workspaceId, fresh, dims);
    }

    /// <summary>
    /// The firsts a lifecycle can use: every contact's, and those of anonymous ids linked to a
    /// contact. The others (one per unlinked visitor, most of the table) are never read: each
    /// part walks the primary key (kinds listed so the range starts at is_contact), the linked
    /// ones from the identities table outwards.
    /// </summary>
    public static List<ActorFirst> ReadFirsts(sqlite3 db, long workspaceId)
    {
        const string columns = "f.kind, f.is_contact, f.actor_id, f.timestamp, f.event_id, d.channel, d.source, d.medium, d.campaign, d.landing_page";
        var kinds = $"f.kind IN ({string.Join(", ", Enum.GetValues<FirstKind>().Select(k => (int)k))})";
        using var select = new Statement(db,
            $"SELECT {columns} FROM actor_firsts f JOIN event_dims d ON d.workspace_id = f.workspace_id AND d.id = f.dims_id " +
            $"WHERE f.workspace_id = ?1 AND {kinds} AND f.is_contact = 1 " +
            $"UNION ALL SELECT {columns} FROM identities i CROSS JOIN actor_firsts f ON f.workspace_id = i.workspace_id AND {kinds} AND f.is_contact = 0 AND f.actor_id = i.anonymous_id " +
            "JOIN event_dims d ON d.workspace_id = f.workspace_id AND d.id = f.dims_id WHERE i.workspace_id = ?1");
        var firsts = new List<ActorFirst>();
        foreach (var row in select.Int(1, workspaceId).Rows())
        {
            var (kind, isContact, actor, at, eventId) = ((FirstKind)row.Int(), row.Int() != 0, row.Text(), row.Time(), row.Text());
            firsts.Add(new ActorFirst(kind, isContact, actor, eventId, new Touch(at, row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull())));
        }

        return firsts;
    }

    public static List<IdentityLink> ReadIdentities(sqlite3 db, long workspaceId)
    {
        using var select = new Statement(db, "SELECT anonymous_id, contact_id, linked_at FROM identities WHERE workspace_id = ?1");
        return [.. select.Int(1, workspaceId).Rows().Select(row => new IdentityLink(row.Text(), row.Text(), row.Time()))];
    }
}
