using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Views;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Lifecycles;

/// <summary>
/// The stored contact lifecycles (<c>contact_lifecycles</c>: one blob per contact,
/// <see cref="LifecycleCodec"/>), so that a cold read is one scan of one table instead of an
/// assembly from five (the per-visitor firsts alone are millions of rows at 10M events).
/// <c>workspaces.lifecycles_stale</c> is 1 while the rows are not to be trusted (a workspace
/// from before the table, a new one before its first commit): reads then assemble, and the
/// next write session rebuilds them all. Every write here keeps <see cref="StageRollupTable"/> in step.
/// </summary>
internal static class LifecycleTable
{
    public static bool IsStale(sqlite3 db, long workspaceId) =>
        NativeSql.ScalarInt64(db, "SELECT coalesce(max(lifecycles_stale), 1) FROM workspaces WHERE id = ?1", workspaceId) != 0;

    /// <summary>Every stored lifecycle of the workspace, ordered by contact id (ordinal).</summary>
    public static List<ContactLifecycle> Read(sqlite3 db, long workspaceId)
    {
        var lifecycles = new List<ContactLifecycle>();
        var pool = new StringPool();
        var sorted = true;
        var stmt = NativeSql.Prepare(db, "SELECT data FROM contact_lifecycles WHERE workspace_id = ?1");
        try
        {
            raw.sqlite3_bind_int64(stmt, 1, workspaceId);
            while (NativeSql.StepRow(db, stmt))
            {
                var lifecycle = LifecycleCodec.Decode(FastNative.ColumnBlob(stmt, 0), pool);
                // SQLite orders the key by UTF-8 bytes, .NET's ordinal by UTF-16 units: they differ only past U+FFFF.
                sorted = sorted && (lifecycles.Count == 0 || string.CompareOrdinal(lifecycles[^1].ContactId, lifecycle.ContactId) < 0);
                lifecycles.Add(lifecycle);
            }
        }
        finally
        {
            raw.sqlite3_finalize(stmt);
        }

        if (!sorted)
        {
            lifecycles.Sort((a, b) => string.CompareOrdinal(a.ContactId, b.ContactId));
        }

        return lifecycles;
    }

    /// <summary>The stored lifecycles of these contacts (those that have one), looked up one by one in key order.</summary>
    public static List<ContactLifecycle> Read(sqlite3 db, long workspaceId, IReadOnlyCollection<string> contactIds)
    {
        var lifecycles = new List<ContactLifecycle>();
        var pool = new StringPool();
        using var select = new Statement(db, "SELECT data FROM contact_lifecycles WHERE workspace_id = ?1 AND contact_id = ?2");
        foreach (var id in contactIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            select.Int(1, workspaceId).Text(2, id);
            if (NativeSql.StepRow(db, select.Handle))
            {
                lifecycles.Add(LifecycleCodec.Decode(FastNative.ColumnBlob(select.Handle, 0), pool));
            }

            raw.sqlite3_reset(select.Handle);
        }

        return lifecycles;
    }

    /// <summary>Replaces every stored lifecycle of the workspace with freshly assembled ones and marks them current.</summary>
    public static void Rebuild(sqlite3 db, long workspaceId)
    {
        var lifecycles = LifecycleInputs.AssembleAll(db, workspaceId);
        using (var delete = new Statement(db, "DELETE FROM contact_lifecycles WHERE workspace_id = ?1"))
        {
            delete.Int(1, workspaceId).Run();
        }

        Insert(db, workspaceId, lifecycles);
        NativeSql.ScalarInt64(db, "UPDATE workspaces SET lifecycles_stale = 0 WHERE id = ?1 RETURNING lifecycles_stale", workspaceId);
        StageRollupTable.Rebuild(db, workspaceId, lifecycles);
    }

    /// <summary>Reassembles the lifecycles of these contacts (a contact left with no rows loses its lifecycle).</summary>
    public static void Refresh(sqlite3 db, long workspaceId, IReadOnlyCollection<string> contacts)
    {
        NativeSql.Exec(db, $"CREATE TEMP TABLE IF NOT EXISTS lifecycle_touched(id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM {LifecycleInputs.Touched}");
        using (var add = new Statement(db, $"INSERT INTO {LifecycleInputs.Touched}(id) VALUES (?1)"))
        {
            foreach (var id in contacts)
            {
                add.Text(1, id).Run();
            }
        }

        var lifecycles = LifecycleInputs.AssembleTouched(db, workspaceId);
        var old = StageRollupTable.IsStale(db, workspaceId) ? null : ReadTouched(db, workspaceId);
        using (var delete = new Statement(db, $"DELETE FROM contact_lifecycles WHERE workspace_id = ?1 AND contact_id IN (SELECT id FROM {LifecycleInputs.Touched})"))
        {
            delete.Int(1, workspaceId).Run();
        }

        Insert(db, workspaceId, lifecycles);
        NativeSql.Exec(db, $"DELETE FROM {LifecycleInputs.Touched}");
        if (old is null)
        {
            StageRollupTable.Rebuild(db, workspaceId, Read(db, workspaceId));
        }
        else
        {
            StageRollupTable.Replace(db, workspaceId, old, lifecycles);
        }
    }

    /// <summary>The stored lifecycles of the contacts in the touched table (before they are replaced).</summary>
    private static List<ContactLifecycle> ReadTouched(sqlite3 db, long workspaceId)
    {
        var pool = new StringPool();
        using var select = new Statement(db, $"SELECT data FROM contact_lifecycles WHERE workspace_id = ?1 AND contact_id IN (SELECT id FROM {LifecycleInputs.Touched})");
        var old = new List<ContactLifecycle>();
        select.Int(1, workspaceId);
        while (NativeSql.StepRow(db, select.Handle))
        {
            old.Add(LifecycleCodec.Decode(FastNative.ColumnBlob(select.Handle, 0), pool));
        }

        raw.sqlite3_reset(select.Handle);
        return old;
    }

    /// <summary>The number of stored lifecycles.</summary>
    public static long Count(sqlite3 db, long workspaceId) =>
        NativeSql.ScalarInt64(db, "SELECT count(*) FROM contact_lifecycles WHERE workspace_id = ?1", workspaceId);

    private static void Insert(sqlite3 db, long workspaceId, IReadOnlyList<ContactLifecycle> lifecycles)
    {
        using var insert = new Statement(db, "INSERT INTO contact_lifecycles(workspace_id, contact_id, data) VALUES (?1, ?2, ?3)");
        foreach (var lifecycle in lifecycles)
        {
            insert.Int(1, workspaceId).Text(2, lifecycle.ContactId).Blob(3, LifecycleCodec.Encode(lifecycle)).Run();
        }
    }
}
