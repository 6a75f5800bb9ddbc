using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Tables;
using Northstar.Storage.Sqlite.Views;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Lifecycles;

/// <summary>
/// What <see cref="LifecycleAssembler"/> needs, read from the fact and view tables: for every
/// contact of a workspace, or only for the contacts listed in the temporary table
/// <c>lifecycle_touched</c> (<see cref="Touched"/>), each read an index range.
/// </summary>
internal static class LifecycleInputs
{
    /// <summary>The temporary table of contact ids a partial read is limited to.</summary>
    public const string Touched = "temp.lifecycle_touched";

    private static readonly string Kinds = string.Join(", ", Enum.GetValues<FirstKind>().Select(k => (int)k));

    /// <summary>Every lifecycle of the workspace, assembled from its tables (the read before lifecycles were stored).</summary>
    public static IReadOnlyList<ContactLifecycle> AssembleAll(sqlite3 db, long workspaceId) =>
        LifecycleAssembler.Assemble(
            Rows(db, workspaceId, FactTables.Of<Contact>(), ""),
            Rows(db, workspaceId, FactTables.Of<StageChange>(), ""),
            Rows(db, workspaceId, FactTables.Of<Account>(), ""),
            FirstsTable.ReadIdentities(db, workspaceId),
            FirstsTable.ReadFirsts(db, workspaceId));

    /// <summary>The lifecycles of the contacts in <see cref="Touched"/> that still have one, ordered by contact id.</summary>
    public static IReadOnlyList<ContactLifecycle> AssembleTouched(sqlite3 db, long workspaceId)
    {
        var touched = $"IN (SELECT id FROM {Touched})";
        return LifecycleAssembler.Assemble(
            Rows(db, workspaceId, FactTables.Of<Contact>(), $"AND contact_id {touched}"),
            Rows(db, workspaceId, FactTables.Of<StageChange>(), $"AND contact_id {touched}"),
            Rows(db, workspaceId, FactTables.Of<Account>(), $"AND account_id IN (SELECT account_id FROM contacts WHERE workspace_id = ?1 AND contact_id {touched})"),
            TouchedIdentities(db, workspaceId, touched),
            TouchedFirsts(db, workspaceId, touched));
    }

    private static List<TFact> Rows<TFact>(sqlite3 db, long workspaceId, FactTable<TFact> table, string where)
        where TFact : class, IFact
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
        using var select = new Statement(db, $"SELECT {columns} FROM {table.Name} WHERE workspace_id = ?1 {where}");
        return [.. select.Int(1, workspaceId).Rows().Select(table.Read)];
    }

    private static List<IdentityLink> TouchedIdentities(sqlite3 db, long workspaceId, string touched)
    {
        using var select = new Statement(db, $"SELECT anonymous_id, contact_id, linked_at FROM identities WHERE workspace_id = ?1 AND contact_id {touched}");
        return [.. select.Int(1, workspaceId).Rows().Select(row => new IdentityLink(row.Text(), row.Text(), row.Time()))];
    }

    /// <summary>The touched contacts' own firsts and those of the anonymous ids linked to them.</summary>
    private static List<ActorFirst> TouchedFirsts(sqlite3 db, long workspaceId, string touched)
    {
        const string columns = "f.kind, f.is_contact, f.actor_id, f.timestamp, f.event_id, d.channel, d.source, d.medium, d.campaign, d.landing_page";
        const string dims = "JOIN event_dims d ON d.workspace_id = f.workspace_id AND d.id = f.dims_id";
        using var select = new Statement(db,
            $"SELECT {columns} FROM actor_firsts f {dims} WHERE f.workspace_id = ?1 AND f.kind IN ({Kinds}) AND f.is_contact = 1 AND f.actor_id {touched} " +
            $"UNION ALL SELECT {columns} FROM identities i CROSS JOIN actor_firsts f ON f.workspace_id = i.workspace_id AND f.kind IN ({Kinds}) " +
            $"AND f.is_contact = 0 AND f.actor_id = i.anonymous_id {dims} WHERE i.workspace_id = ?1 AND i.contact_id {touched}");
        var firsts = new List<ActorFirst>();
        foreach (var row in select.Int(1, workspaceId).Rows())
        {
            var (kind, isContact, actor, at, eventId) = ((FirstKind)row.Int(), row.Int() != 0, row.Text(), row.Time(), row.Text());
            firsts.Add(new ActorFirst(kind, isContact, actor, eventId, new Touch(at, row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull(), row.TextOrNull())));
        }

        return firsts;
    }
}
