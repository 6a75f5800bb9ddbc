namespace Northstar.Storage.ClickHouse.Client;

/// <summary>
/// The ClickHouse server refused a statement (an HTTP error whose body reads
/// <c>Code: N, e.displayText() = DB::Exception: ...</c>): a fault of the statement or the schema,
/// not of the connection, so retrying the same statement fails again.
/// </summary>
public sealed class ClickHouseException : Exception
{
    public ClickHouseException()
    {
    }

    public ClickHouseException(string message)
        : base(message)
    {
    }

    public ClickHouseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ClickHouseException(int code, string serverText, string sql)
        : base($"ClickHouse error {code}: {serverText} (in: {Shorten(sql)})")
    {
        Code = code;
        ServerText = serverText;
        Sql = sql;
    }

    /// <summary>ClickHouse's error code (e.g. 60 for an unknown table, 62 for a syntax error); 0 when the body had none.</summary>
    public int Code { get; }

    /// <summary>The server's message, as it sent it.</summary>
    public string ServerText { get; } = "";

    /// <summary>The statement that failed.</summary>
    public string Sql { get; } = "";

    private static string Shorten(string sql) => sql.Length <= 300 ? sql : string.Concat(sql.AsSpan(0, 300), "...");
}
