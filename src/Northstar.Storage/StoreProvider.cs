namespace Northstar.Storage;

/// <summary>The backends Northstar runs on.</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (Npgsql connection string).</summary>
    Postgres,

    /// <summary>A ClickHouse server or cluster over HTTP.</summary>
    ClickHouse,
}
