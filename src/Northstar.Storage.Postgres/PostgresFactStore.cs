using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Postgres.Schema;
using Northstar.Storage.Postgres.Sql;
using Northstar.Storage.Postgres.Tables;
using Npgsql;

namespace Northstar.Storage.Postgres;

/// <summary>
/// The store on a PostgreSQL server (15 or later: the rollup's unique key treats nulls as equal),
/// through Npgsql's pooled connections. The schema is migrated on open. A write session is
/// one transaction on a connection of its own: binary COPY into staging tables, applied with
/// set-based SQL at commit, the derived views with it. Safe to share between threads.
/// </summary>
/// <remarks>
/// A lost connection (server down or restarting, backend terminated) surfaces as
/// <see cref="StoreTransientException"/>; the pool is cleared then, so the next call opens a
/// fresh connection and works as soon as the server is back. Storage format: see
/// <see cref="SchemaMigrations"/>.
/// </remarks>
public sealed partial class PostgresFactStore : INorthstarStore
{
    private readonly NpgsqlDataSource _source;

    private PostgresFactStore(NpgsqlDataSource source, string server, string database)
    {
        _source = source;
        Server = server;
        Database = database;
    }

    /// <summary>host:port of the server, as messages name it.</summary>
    public string Server { get; }

    /// <summary>The database name.</summary>
    public string Database { get; }

    /// <summary>Connects and brings the database's schema up to date.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Port=...;Username=...;Database=...</c>).</param>
    /// <exception cref="StoreTransientException">The server cannot be reached.</exception>
    /// <exception cref="StoreUnavailableException">The database was written by a newer Northstar.</exception>
    public static PostgresFactStore Open(string connectionString) => Open(connectionString, SchemaMigrations.Steps);

    /// <summary>Test seam: other migration steps.</summary>
    internal static PostgresFactStore Open(string connectionString, IReadOnlyList<string> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var server = $"{builder.Host}:{builder.Port}";
        // The slim builder with arrays: the types this store reads and writes, without the JSON, range
        // and extra-conversion mappings whose set-up a new process otherwise compiles on its first query.
        // TLS and GSS/Kerberos stay on as in the full builder: without them the slim one silently skips
        // TLS under the default SSL Mode=Prefer and refuses SSL Mode=Require.
        var source = new NpgsqlSlimDataSourceBuilder(builder.ConnectionString)
            .EnableArrays()
            .EnableTransportSecurity()
            .EnableIntegratedSecurity()
            .Build();
        var store = new PostgresFactStore(source, server, builder.Database ?? builder.Username ?? "");
        try
        {
            store.Run(c => SchemaMigrator.Migrate(c, steps, $"'{store.Database}' at {server}"), write: false);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public Workspace GetOrCreateWorkspace(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Run(c =>
        {
            Db.Exec(c, "INSERT INTO workspaces(name, time_zone) VALUES ($1, 'UTC') ON CONFLICT (name) DO NOTHING", name);
            return QueryWorkspaces(c, name).Single();
        });
    }

    public Workspace? FindWorkspace(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Run(c => QueryWorkspaces(c, name).SingleOrDefault(), write: false);
    }

    public IReadOnlyList<Workspace> ListWorkspaces() => Run(c => QueryWorkspaces(c, null), write: false);

    public IFactWriteSession BeginWrite(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Guard(() => new PostgresWriteSession(this, workspace), write: true);
    }

    public IEnumerable<TFact> Read<TFact>(Workspace workspace)
        where TFact : class, IFact
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var table = FactTables.Of<TFact>();
        return Stream($"SELECT {string.Join(", ", table.FactColumns)} FROM {table.Name} WHERE workspace_id = $1", table.Read, workspace.Id);
    }

    public FactSummary Summarize(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Run(c => new FactSummary([.. FactTables.All.Select(t => Summarize(c, t, workspace.Id))]), write: false);
    }

    public void ClearFacts(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Run(c =>
        {
            using var tx = c.BeginTransaction();
            // After any write session of the workspace, as a session of its own would.
            Db.Exec(c, $"SELECT pg_advisory_xact_lock({PostgresWriteSession.LockClass}, $1)", (int)workspace.Id);
            foreach (var table in FactTables.All.Select(t => t.Name).Concat(["event_rollup", "actor_days", "identities", "firsts", "stage_rollup_kept", "stage_counts_kept", "stage_kept_versions"]))
            {
                var command = Db.Command(c, $"DELETE FROM {table} WHERE workspace_id = $1", workspace.Id);
                command.CommandTimeout = 0;
                using (command)
                {
                    command.ExecuteNonQuery();
                }
            }

            Db.Exec(c, "UPDATE workspaces SET data_version = nextval('data_versions') WHERE id = $1", workspace.Id);
            tx.Commit();
        });
    }

    public IReadOnlyList<ChannelRule> GetChannelRules(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Run(
            c => Db.Query(
                c, "SELECT channel, source, medium, campaign FROM channel_rules WHERE workspace_id = $1 ORDER BY position",
                r => new ChannelRule(r.GetString(0), r.Text(1), r.Text(2), r.Text(3)), workspace.Id),
            write: false);
    }

    public void SetChannelRules(Workspace workspace, IReadOnlyList<ChannelRule> rules)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(rules);
        Run(c =>
        {
            using var tx = c.BeginTransaction();
            Db.Exec(c, "DELETE FROM channel_rules WHERE workspace_id = $1", workspace.Id);
            for (var i = 0; i < rules.Count; i++)
            {
                Db.Exec(
                    c, "INSERT INTO channel_rules(workspace_id, position, channel, source, medium, campaign) VALUES ($1, $2, $3, $4, $5, $6)",
                    workspace.Id, i, rules[i].Channel, rules[i].Source, rules[i].Medium, rules[i].Campaign);
            }

            tx.Commit();
        });
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose()
    {
        try
        {
            WaitForStoring();
        }
        finally
        {
            // A store that failed in a way it does not expect still surfaces here, after the connections close.
            _source.Dispose();
        }
    }

    internal NpgsqlConnection OpenConnection() => _source.OpenConnection();

    /// <summary>Drops the idle pooled connections (after a lost one, the others are likely dead too).</summary>
    internal void ClearPool() => _source.Clear();

    /// <summary>Runs <paramref name="action"/> on a pooled connection, a lost connection turned into <see cref="StoreTransientException"/>.</summary>
    internal T Run<T>(Func<NpgsqlConnection, T> action, bool write = true) => Guard(
        () =>
        {
            using var connection = OpenConnection();
            return action(connection);
        },
        write);

    internal void Run(Action<NpgsqlConnection> action, bool write = true) => Run<bool>(
        c =>
        {
            action(c);
            return true;
        },
        write);

    internal T Guard<T>(Func<T> action, bool write)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (Transient.Is(e))
        {
            ClearPool();
            throw Transient.Wrap(e, Server, write);
        }
    }

    /// <summary>Rows streamed from one query on a connection held until the enumeration ends or is disposed.</summary>
    internal IEnumerable<T> Stream<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args)
    {
        NpgsqlConnection? connection = null;
        NpgsqlCommand? command = null;
        NpgsqlDataReader? reader = null;
        try
        {
            reader = Guard(
                () =>
                {
                    connection = OpenConnection();
                    command = Db.Command(connection, sql, args);
                    return command.ExecuteReader();
                },
                write: false);
            while (Guard(reader.Read, write: false))
            {
                yield return read(reader);
            }
        }
        finally
        {
            reader?.Dispose();
            command?.Dispose();
            connection?.Dispose();
        }
    }

    private static FactKindSummary Summarize(NpgsqlConnection connection, FactTable table, long workspaceId)
    {
        var time = table.TimeColumn;
        using var command = Db.Command(connection, $"SELECT count(*), min({time}), max({time}) FROM {table.Name} WHERE workspace_id = $1", workspaceId);
        command.CommandTimeout = 0;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new FactKindSummary(table.Kind, reader.GetInt64(0), Bound(reader, 1, table.TimeIsDate), Bound(reader, 2, table.TimeIsDate));
    }

    private static DateTimeOffset? Bound(NpgsqlDataReader reader, int ordinal, bool isDate) =>
        reader.IsDBNull(ordinal) ? null
        : isDate ? new DateTimeOffset(reader.GetFieldValue<DateOnly>(ordinal), TimeOnly.MinValue, TimeSpan.Zero)
        : reader.Time(ordinal);

    private static List<Workspace> QueryWorkspaces(NpgsqlConnection connection, string? name) => Db.Query(
        connection, "SELECT id, name, time_zone FROM workspaces WHERE $1::text IS NULL OR name = $1 ORDER BY name",
        r => new Workspace(r.GetInt64(0), r.GetString(1), r.GetString(2)), name);
}
