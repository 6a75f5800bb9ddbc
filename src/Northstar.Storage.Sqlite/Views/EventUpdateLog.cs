using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// Records, on a write session's own connection, every update of a stored event that changes
/// something the views read, as the old values (sign -1) and the new ones (+1). It uses SQLite's
/// pre-update hook (e_sqlite3 is built with it): a callback per changed row that sees both
/// versions. Inserts return at once (the collector counts those). A trigger would do the same
/// but makes every upsert open a statement journal, which cost three times the import's CPU.
/// </summary>
internal sealed unsafe class EventUpdateLog : IDisposable
{
    private const int SqliteUpdate = 23;
    private const int SqliteNull = 5;

    private static readonly delegate* unmanaged[Cdecl]<nint, delegate* unmanaged[Cdecl]<nint, nint, int, byte*, byte*, long, long, void>, nint, nint> HookFn;
    private static readonly delegate* unmanaged[Cdecl]<nint, int, nint*, int> OldFn;
    private static readonly delegate* unmanaged[Cdecl]<nint, int, nint*, int> NewFn;
    private static readonly delegate* unmanaged[Cdecl]<nint, int> ValueTypeFn;
    private static readonly delegate* unmanaged[Cdecl]<nint, long> ValueInt64Fn;
    private static readonly delegate* unmanaged[Cdecl]<nint, byte*> ValueTextFn;
    private static readonly delegate* unmanaged[Cdecl]<nint, int> ValueBytesFn;

    private readonly sqlite3 _db;
    private readonly int[] _columns;
    private readonly List<(int Sign, EventFact Fact)> _changes = [];
    private GCHandle _self;
    private Exception? _failure;

    static EventUpdateLog()
    {
        var lib = FastNative.Library;
        if (!FastNative.Available || !NativeLibrary.TryGetExport(lib, "sqlite3_preupdate_hook", out var hook))
        {
            return;
        }

        HookFn = (delegate* unmanaged[Cdecl]<nint, delegate* unmanaged[Cdecl]<nint, nint, int, byte*, byte*, long, long, void>, nint, nint>)hook;
        OldFn = (delegate* unmanaged[Cdecl]<nint, int, nint*, int>)NativeLibrary.GetExport(lib, "sqlite3_preupdate_old");
        NewFn = (delegate* unmanaged[Cdecl]<nint, int, nint*, int>)NativeLibrary.GetExport(lib, "sqlite3_preupdate_new");
        ValueTypeFn = (delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(lib, "sqlite3_value_type");
        ValueInt64Fn = (delegate* unmanaged[Cdecl]<nint, long>)NativeLibrary.GetExport(lib, "sqlite3_value_int64");
        ValueTextFn = (delegate* unmanaged[Cdecl]<nint, byte*>)NativeLibrary.GetExport(lib, "sqlite3_value_text");
        ValueBytesFn = (delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(lib, "sqlite3_value_bytes");
        Available = true;
    }

    /// <summary>Starts logging the updates made through <paramref name="db"/> (column positions are looked up by name).</summary>
    public EventUpdateLog(sqlite3 db)
    {
        _db = db;
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var info = new Statement(db, "SELECT name, cid FROM pragma_table_info('events')"))
        {
            foreach (var row in info.Rows())
            {
                positions[row.Text()] = (int)row.Int();
            }
        }

        _columns = [.. ChangeLog.Columns.Select(c => positions[c])];
        _self = GCHandle.Alloc(this);
        HookFn(db.DangerousGetHandle(), &OnPreUpdate, GCHandle.ToIntPtr(_self));
    }

    /// <summary>True when e_sqlite3 has the pre-update hook (else <see cref="ChangeLog"/>'s trigger is used).</summary>
    public static bool Available { get; }

    /// <summary>The logged changes in order (old then new for each update), emptying the log.</summary>
    public List<(int Sign, EventFact Fact)> Drain()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException("Reading an updated event for the derived views failed.", _failure);
        }

        var changes = new List<(int, EventFact)>(_changes);
        _changes.Clear();
        return changes;
    }

    public void Dispose()
    {
        if (_self.IsAllocated)
        {
            HookFn(_db.DangerousGetHandle(), null, 0);
            _self.Free();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPreUpdate(nint context, nint db, int op, byte* database, byte* table, long key1, long key2)
    {
        if (op != SqliteUpdate || !IsMainEvents(database, table))
        {
            return;
        }

        var log = (EventUpdateLog)GCHandle.FromIntPtr(context).Target!;
        try
        {
            var (old, updated) = (log.Read(db, OldFn), log.Read(db, NewFn));
            if (!old.Equals(updated))
            {
                log._changes.Add((-1, old));
                log._changes.Add((1, updated));
            }
        }
        catch (Exception ex) when (log._failure is null)
        {
            // Never let an exception cross into SQLite; Drain reports it before the commit.
            log._failure = ex;
        }
    }

    private static bool IsMainEvents(byte* database, byte* table) =>
        MemoryMarshal.CreateReadOnlySpanFromNullTerminated(table).SequenceEqual("events"u8) &&
        MemoryMarshal.CreateReadOnlySpanFromNullTerminated(database).SequenceEqual("main"u8);

    private EventFact Read(nint db, delegate* unmanaged[Cdecl]<nint, int, nint*, int> version)
    {
        var values = new string?[_columns.Length];
        long timestamp = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            nint value;
            if (version(db, _columns[i], &value) != 0)
            {
                throw new InvalidOperationException($"sqlite3_preupdate_old/new failed for column {ChangeLog.Columns[i]}.");
            }

            if (i == 1)
            {
                timestamp = ValueInt64Fn(value);
            }
            else if (ValueTypeFn(value) != SqliteNull)
            {
                var text = ValueTextFn(value);
                values[i] = Encoding.UTF8.GetString(text, ValueBytesFn(value));
            }
        }

        return ChangeLog.ToFact(values, timestamp);
    }
}
