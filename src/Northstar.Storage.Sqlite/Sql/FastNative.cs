using System.Runtime.InteropServices;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>
/// Function pointers straight into the e_sqlite3 library that SQLitePCLRaw already loaded, for
/// the calls made for every row of a write. Going through SQLitePCLRaw costs a provider call
/// and a SafeHandle add-ref/release per call (about a tenth of the event write path in a
/// profile); the short, callback-free calls also skip the GC transition. Off (and SQLitePCLRaw
/// used instead) when the library cannot be found or is not the very instance SQLitePCLRaw uses.
/// </summary>
internal static unsafe class FastNative
{
    private const nint Static = 0;

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int> ClearBindingsFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long, int> BindInt64Fn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double, int> BindDoubleFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*, int, nint, int> BindTextFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int> ResetFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int> ChangesFn;
    private static readonly delegate* unmanaged[Cdecl]<nint, int> StepFn;

    static FastNative()
    {
        if (!NativeLibrary.TryLoad("e_sqlite3", typeof(FastNative).Assembly, null, out var lib) || !SameInstance(lib))
        {
            return;
        }

        ClearBindingsFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int>)NativeLibrary.GetExport(lib, "sqlite3_clear_bindings");
        BindInt64Fn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long, int>)NativeLibrary.GetExport(lib, "sqlite3_bind_int64");
        BindDoubleFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double, int>)NativeLibrary.GetExport(lib, "sqlite3_bind_double");
        BindTextFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*, int, nint, int>)NativeLibrary.GetExport(lib, "sqlite3_bind_text");
        ResetFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int>)NativeLibrary.GetExport(lib, "sqlite3_reset");
        ChangesFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int>)NativeLibrary.GetExport(lib, "sqlite3_changes");
        StepFn = (delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(lib, "sqlite3_step");
        Library = lib;
        Available = true;
    }

    /// <summary>True when the direct calls are in use.</summary>
    public static bool Available { get; }

    /// <summary>The e_sqlite3 library SQLitePCLRaw uses (when <see cref="Available"/>), for other direct calls.</summary>
    public static nint Library { get; }

    public static int ClearBindings(sqlite3_stmt stmt) =>
        Available ? ClearBindingsFn(stmt.DangerousGetHandle()) : raw.sqlite3_clear_bindings(stmt);

    public static int BindInt64(sqlite3_stmt stmt, int index, long value) =>
        Available ? BindInt64Fn(stmt.DangerousGetHandle(), index, value) : raw.sqlite3_bind_int64(stmt, index, value);

    public static int BindDouble(sqlite3_stmt stmt, int index, double value) =>
        Available ? BindDoubleFn(stmt.DangerousGetHandle(), index, value) : raw.sqlite3_bind_double(stmt, index, value);

    /// <summary>
    /// Binds UTF-8 text without a copy (SQLITE_STATIC): the bytes must be pinned and must not
    /// change until the parameter is bound again or cleared. Copies when the direct calls are off.
    /// </summary>
    public static int BindPinnedText(sqlite3_stmt stmt, int index, ReadOnlySpan<byte> utf8)
    {
        if (!Available)
        {
            return raw.sqlite3_bind_text(stmt, index, utf8);
        }

        byte empty = 0;
        fixed (byte* p = utf8)
        {
            // The empty case points at a local: harmless, since zero bytes are never read.
            return BindTextFn(stmt.DangerousGetHandle(), index, utf8.IsEmpty ? &empty : p, utf8.Length, Static);
        }
    }

    public static int Step(sqlite3_stmt stmt) => Available ? StepFn(stmt.DangerousGetHandle()) : raw.sqlite3_step(stmt);

    public static int Reset(sqlite3_stmt stmt) => Available ? ResetFn(stmt.DangerousGetHandle()) : raw.sqlite3_reset(stmt);

    public static int Changes(sqlite3 db) => Available ? ChangesFn(db.DangerousGetHandle()) : raw.sqlite3_changes(db);

    // Two copies of SQLite in one process must never see each other's handles. Each copy
    // counts its own heap: the copy SQLitePCLRaw uses has allocated memory, a fresh one none.
    private static bool SameInstance(nint lib)
    {
        var memoryUsed = (delegate* unmanaged[Cdecl]<long>)NativeLibrary.GetExport(lib, "sqlite3_memory_used");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            raw.sqlite3_initialize();
            var theirs = raw.sqlite3_memory_used();
            if (theirs > 0 && memoryUsed() == theirs)
            {
                return true;
            }
        }

        return false;
    }
}
