using System.Globalization;
using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>A prepared statement for the views' few-rows-at-a-time SQL: bind by position, step, reset.</summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3 _db;

    public Statement(sqlite3 db, string sql)
    {
        _db = db;
        Handle = NativeSql.Prepare(db, sql);
    }

    public sqlite3_stmt Handle { get; }

    public Statement Int(int index, long value)
    {
        raw.sqlite3_bind_int64(Handle, index, value);
        return this;
    }

    public Statement Text(int index, string? value)
    {
        _ = value is null ? raw.sqlite3_bind_null(Handle, index) : raw.sqlite3_bind_text(Handle, index, value);
        return this;
    }

    public Statement Decimal(int index, decimal value) =>
        Text(index, StoreValues.Normalize(value).ToString(CultureInfo.InvariantCulture));

    public Statement Blob(int index, ReadOnlySpan<byte> value)
    {
        raw.sqlite3_bind_blob(Handle, index, value);
        return this;
    }

    /// <summary>Runs a statement that returns no rows, then resets it.</summary>
    public void Run()
    {
        try
        {
            while (NativeSql.StepRow(_db, Handle))
            {
            }
        }
        finally
        {
            raw.sqlite3_reset(Handle);
        }
    }

    /// <summary>Steps once and returns column 0 of the row as an integer (null when there is no row), then resets.</summary>
    public long? Scalar()
    {
        try
        {
            return NativeSql.StepRow(_db, Handle) ? raw.sqlite3_column_int64(Handle, 0) : null;
        }
        finally
        {
            raw.sqlite3_reset(Handle);
        }
    }

    /// <summary>The rows, each read from column 0 on; resets when done.</summary>
    public IEnumerable<RowReader> Rows()
    {
        var reader = new RowReader();
        try
        {
            while (NativeSql.StepRow(_db, Handle))
            {
                yield return reader.Start(Handle, 0);
            }
        }
        finally
        {
            raw.sqlite3_reset(Handle);
        }
    }

    public void Dispose() => raw.sqlite3_finalize(Handle);
}
