using Npgsql;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>
/// A fresh, empty database on the test server named by <c>NORTHSTAR_TEST_POSTGRES</c>
/// (<c>ns_</c> and a random suffix), dropped <c>WITH (FORCE)</c> when disposed. Without the
/// variable a test fails saying how to start a server: it is never skipped silently.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>The environment variable holding the test server's connection string.</summary>
    public const string Variable = "NORTHSTAR_TEST_POSTGRES";

    public TestDatabase()
    {
        Admin = ServerConnectionString();
        Name = "ns_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(Admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", connection);
            create.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(Admin) { Database = Name }.ConnectionString;
    }

    /// <summary>The server's connection string (its maintenance database).</summary>
    public string Admin { get; }

    public string Name { get; }

    /// <summary>The connection string of this test's database.</summary>
    public string ConnectionString { get; }

    /// <summary>Opens the store on this database.</summary>
    public PostgresFactStore OpenStore() => PostgresFactStore.Open(ConnectionString);

    /// <summary>Runs one statement on this database, outside any store.</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL tests need a server. Start a throwaway one with " +
                "`scripts/postgres.sh start /tmp/ns-postgres` and export the line it prints (stop it with `scripts/postgres.sh stop /tmp/ns-postgres`).");

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
