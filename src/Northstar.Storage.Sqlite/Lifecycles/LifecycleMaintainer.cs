using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Views;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Lifecycles;

/// <summary>
/// Keeps one write session's stored lifecycles (<see cref="LifecycleTable"/>) in step with its
/// facts, inside the session's transaction: a crash or a rollback loses both or neither. It
/// gathers the contacts the session may have changed (contacts, stage changes and accounts
/// written; contacts and linked anonymous ids whose firsts or links the events moved, before and
/// after the move) and at commit reassembles only those, or every lifecycle when they are many.
/// </summary>
internal sealed class LifecycleMaintainer(sqlite3 db, long workspaceId)
{
    /// <summary>Touched contacts above which one full rebuild is cheaper than the per-contact reads (also at least a quarter of the stored ones).</summary>
    internal static int FullRebuildAbove { get; set; } = 10_000;

    /// <summary>Anonymous ids above which their contacts are found from one read of every identity link.</summary>
    private const int LookupAllAbove = 10_000;

    private readonly HashSet<string> _contacts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);

    /// <summary>Notes the contacts (and accounts) a batch of facts of a small kind writes.</summary>
    public void Written<TFact>(ReadOnlySpan<TFact> facts)
        where TFact : class, IFact
    {
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case Contact c:
                    _contacts.Add(c.ContactId);
                    break;
                case StageChange s:
                    _contacts.Add(s.ContactId);
                    break;
                case Account a:
                    _accounts.Add(a.AccountId);
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>
    /// Before the views move links or recompute stale firsts: the contacts these anonymous ids are
    /// linked to now (they may lose them), and the stale contacts themselves.
    /// </summary>
    public void Moving(IReadOnlyCollection<string> anonymous, IEnumerable<string> contacts)
    {
        _contacts.UnionWith(contacts);
        _contacts.UnionWith(ContactsOf(anonymous));
    }

    /// <summary>After the views took the session's events: brings the stored lifecycles up to date.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Commit(ViewDelta delta, IEnumerable<string> staleAnonymous)
    {
        if (LifecycleTable.IsStale(db, workspaceId))
        {
            LifecycleTable.Rebuild(db, workspaceId);
            return;
        }

        var anonymous = new HashSet<string>(staleAnonymous, StringComparer.Ordinal);
        anonymous.UnionWith(delta.Links.Keys);
        foreach (var (slot, _) in delta.Firsts)
        {
            _ = slot.IsContact ? _contacts.Add(slot.ActorId) : anonymous.Add(slot.ActorId);
        }

        _contacts.UnionWith(ContactsOf(anonymous));
        _contacts.UnionWith(ContactsOfAccounts());
        if (_contacts.Count > FullRebuildAbove && _contacts.Count * 4L > LifecycleTable.Count(db, workspaceId))
        {
            LifecycleTable.Rebuild(db, workspaceId);
        }
        else if (_contacts.Count > 0)
        {
            LifecycleTable.Refresh(db, workspaceId, _contacts);
        }
    }

    /// <summary>The contacts these anonymous ids are linked to (now).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<string> ContactsOf(IReadOnlyCollection<string> anonymous)
    {
        if (anonymous.Count > LookupAllAbove)
        {
            using var all = new Statement(db, "SELECT anonymous_id, contact_id FROM identities WHERE workspace_id = ?1");
            return [.. all.Int(1, workspaceId).Rows().Select(r => (Anonymous: r.Text(), Contact: r.Text()))
                .Where(l => anonymous.Contains(l.Anonymous)).Select(l => l.Contact)];
        }

        var contacts = new List<string>();
        using var one = new Statement(db, "SELECT contact_id FROM identities WHERE workspace_id = ?1 AND anonymous_id = ?2");
        foreach (var id in anonymous)
        {
            contacts.AddRange(one.Int(1, workspaceId).Text(2, id).Rows().Select(r => r.Text()));
        }

        return contacts;
    }

    /// <summary>The contacts of the accounts written (an account's segment is its contacts' fallback).</summary>
    private List<string> ContactsOfAccounts()
    {
        if (_accounts.Count == 0)
        {
            return [];
        }

        NativeSql.Exec(db, "CREATE TEMP TABLE IF NOT EXISTS lifecycle_accounts(id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.lifecycle_accounts");
        using (var add = new Statement(db, "INSERT INTO temp.lifecycle_accounts(id) VALUES (?1)"))
        {
            foreach (var id in _accounts)
            {
                add.Text(1, id).Run();
            }
        }

        using var select = new Statement(db, "SELECT contact_id FROM contacts WHERE workspace_id = ?1 AND account_id IN (SELECT id FROM temp.lifecycle_accounts)");
        return [.. select.Int(1, workspaceId).Rows().Select(r => r.Text())];
    }
}
