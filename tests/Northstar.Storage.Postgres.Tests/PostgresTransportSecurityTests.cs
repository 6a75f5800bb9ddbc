using System.Net;
using System.Net.Sockets;
using Northstar.Testing.Servers;
using Npgsql;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>
/// A server that offers TLS (a managed PostgreSQL, or one whose pg_hba has only <c>hostssl</c>
/// lines): the store's connections use it, by default (SSL Mode=Prefer) and when the connection
/// string requires it, as a plain Npgsql data source does.
/// </summary>
public sealed class PostgresTransportSecurityTests
{
    [Theory]
    [InlineData("")]
    [InlineData(";SSL Mode=Require")]
    public void Open_ServerWithSsl_StoreConnectionsEncrypted(string sslMode)
    {
        using var server = new ThrowawayPostgres(FreePort());
        server.EnableSsl();

        using (var store = PostgresFactStore.Open(server.ConnectionString + sslMode))
        {
            Assert.Equal("acme", store.GetOrCreateWorkspace("acme").Name);

            // The store's connections stay open in its pool: client backends besides this one, every one encrypted.
            using var admin = new NpgsqlConnection(server.ConnectionString + ";SSL Mode=Disable;Pooling=false");
            admin.Open();
            using var command = new NpgsqlCommand(
                """
                SELECT count(*) FILTER (WHERE s.ssl), count(*) FILTER (WHERE NOT s.ssl)
                FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
                WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
                """,
                admin);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal((true, 0L), (reader.GetInt64(0) > 0, reader.GetInt64(1)));
        }

        NpgsqlConnection.ClearAllPools();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
