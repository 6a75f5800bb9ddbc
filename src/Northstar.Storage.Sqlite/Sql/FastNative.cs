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
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> ColumnTypeFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long> ColumnInt64Fn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double> ColumnDoubleFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*> ColumnBlobFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> ColumnBytesFn;

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
        // The column reads, for the reads of many rows (lifecycles, facts): each is a few
        // instructions in SQLite, so the SafeHandle and provider hops were most of their cost.
        ColumnTypeFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)NativeLibrary.GetExport(lib, "sqlite3_column_type");
        ColumnInt64Fn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long>)NativeLibrary.GetExport(lib, "sqlite3_column_int64");
        ColumnDoubleFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double>)NativeLibrary.GetExport(lib, "sqlite3_column_double");
        ColumnBlobFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*>)NativeLibrary.GetExport(lib, "sqlite3_column_blob");
        ColumnBytesFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)NativeLibrary.GetExport(lib, "sqlite3_column_bytes");
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

    public static int ColumnType(sqlite3_stmt stmt, int index) =>
        Available ? ColumnTypeFn(stmt.DangerousGetHandle(), index) : raw.sqlite3_column_type(stmt, index);

    public static long ColumnInt64(sqlite3_stmt stmt, int index) =>
        Available ? ColumnInt64Fn(stmt.DangerousGetHandle(), index) : raw.sqlite3_column_int64(stmt, index);

    public static double ColumnDouble(sqlite3_stmt stmt, int index) =>
        Available ? ColumnDoubleFn(stmt.DangerousGetHandle(), index) : raw.sqlite3_column_double(stmt, index);

    /// <summary>
    /// A blob or text column's bytes, without a copy: valid only until the statement steps,
    /// resets or is finalized (SQLite's rule for <c>sqlite3_column_blob</c>).
    /// </summary>
    public static ReadOnlySpan<byte> ColumnBlob(sqlite3_stmt stmt, int index)
    {
        if (!Available)
        {
            return raw.sqlite3_column_blob(stmt, index);
        }

        var handle = stmt.DangerousGetHandle();
        // Blob first, then bytes: the order SQLite documents as safe for a pointer and its length.
        var p = ColumnBlobFn(handle, index);
        return p is null ? default : new ReadOnlySpan<byte>(p, ColumnBytesFn(handle, index));
    }

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
