using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>Thin checked wrappers over SQLitePCLRaw's native calls, for the paths that bind row by row.</summary>
internal static class NativeSql
{
    public static void Exec(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_exec(db, sql);
        Check(db, rc);
    }

    public static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out var stmt);
        Check(db, rc);
        return stmt;
    }

    /// <summary>Steps a statement that returns no row, then resets it for the next binding.</summary>
    public static void StepDone(sqlite3 db, sqlite3_stmt stmt)
    {
        var rc = FastNative.Step(stmt);
        FastNative.Reset(stmt);
        if (rc != raw.SQLITE_DONE)
        {
            Throw(db, rc);
        }
    }

    /// <summary>Steps once; true when a row is ready to read, false when done.</summary>
    public static bool StepRow(sqlite3 db, sqlite3_stmt stmt)
    {
        var rc = FastNative.Step(stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            Throw(db, rc);
        }

        return false;
    }

    /// <summary>Runs a one-row, one-column query with integer parameters <c>?1</c>, <c>?2</c>...</summary>
    public static long ScalarInt64(sqlite3 db, string sql, params ReadOnlySpan<long> parameters)
    {
        var stmt = Prepare(db, sql);
        try
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                raw.sqlite3_bind_int64(stmt, i + 1, parameters[i]);
            }

            return StepRow(db, stmt)
                ? raw.sqlite3_column_int64(stmt, 0)
                : throw new InvalidOperationException($"No row from: {sql}");
        }
        finally
        {
            raw.sqlite3_finalize(stmt);
        }
    }

    public static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            Throw(db, rc);
        }
    }

    private static void Throw(sqlite3 db, int rc) =>
        throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
}
