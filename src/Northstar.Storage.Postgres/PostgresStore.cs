namespace Northstar.Storage.Postgres;

/// <summary>The PostgreSQL backend (being built: issue 7).</summary>
public static class PostgresStore
{
}
