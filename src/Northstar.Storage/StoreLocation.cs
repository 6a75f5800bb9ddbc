using System.Security.Cryptography;
using System.Text;
using Northstar.Core.Storage;
using Northstar.Storage.ClickHouse;
using Northstar.Storage.Postgres;
using Northstar.Storage.Sqlite;

namespace Northstar.Storage;

/// <summary>
/// Where a store lives, as a command line or a configuration names it: a SQLite file
/// (<c>northstar.db</c> or <c>sqlite:northstar.db</c>), a PostgreSQL database
/// (<c>postgres:Host=db;Database=northstar;Username=...</c>) or a ClickHouse server or cluster
/// (<c>clickhouse:Url=http://127.0.0.1:8123;Database=northstar</c>).
/// </summary>
public sealed record StoreLocation
{
    private StoreLocation(StoreProvider provider, string target)
    {
        Provider = provider;
        Target = target;
    }

    /// <summary>The backend.</summary>
    public StoreProvider Provider { get; }

    /// <summary>The SQLite file's full path, or the server's connection string.</summary>
    public string Target { get; }

    /// <summary>The location as <see cref="Parse"/> reads it back (secrets included: not for display).</summary>
    public string Text => Provider == StoreProvider.Sqlite ? Target : $"{Provider.ToString().ToLowerInvariant()}:{Target}";

    /// <summary>A SQLite file (made absolute).</summary>
    public static StoreLocation Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new(StoreProvider.Sqlite, Path.GetFullPath(path));
    }

    /// <summary>A backend and its connection string (a file path for SQLite).</summary>
    public static StoreLocation Of(StoreProvider provider, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return provider == StoreProvider.Sqlite ? Sqlite(target) : new(provider, target.Trim());
    }

    /// <summary>
    /// Reads <c>sqlite:PATH</c>, <c>postgres:CONNECTION STRING</c> (or <c>postgresql:</c>),
    /// <c>clickhouse:CONNECTION STRING</c>; anything else is a SQLite file path.
    /// </summary>
    public static StoreLocation Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 1 ? text[..colon].ToUpperInvariant() : "";
        var rest = colon > 1 ? text[(colon + 1)..] : text;
        return scheme switch
        {
            "SQLITE" => Sqlite(rest),
            "POSTGRES" or "POSTGRESQL" => Of(StoreProvider.Postgres, Required(rest, "postgres")),
            "CLICKHOUSE" => Of(StoreProvider.ClickHouse, Required(rest, "clickhouse")),
            _ => Sqlite(text),
        };
    }

    /// <summary>
    /// The location a configuration names: <c>Storage:Provider</c> (sqlite, postgres or clickhouse;
    /// sqlite when absent) and <c>ConnectionStrings:Northstar</c> (the file for SQLite). Null when
    /// the connection string is absent.
    /// </summary>
    public static StoreLocation? FromConfiguration(string? provider, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var kind = (provider ?? "sqlite").Trim().ToUpperInvariant() switch
        {
            "" or "SQLITE" => StoreProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => StoreProvider.Postgres,
            "CLICKHOUSE" => StoreProvider.ClickHouse,
            _ => throw new StoreUnavailableException(
                $"Storage:Provider '{provider}' is not a backend Northstar knows (sqlite, postgres, clickhouse)."),
        };
        if (kind == StoreProvider.Sqlite && connectionString.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            connectionString = connectionString["Data Source=".Length..].TrimEnd(';');
        }

        return Of(kind, connectionString);
    }

    /// <summary>
    /// Opens the store (creating or upgrading its schema). A malformed connection string is a
    /// <see cref="StoreUnavailableException"/> naming the location (without its password).
    /// </summary>
    public INorthstarStore Open()
    {
        try
        {
            return Provider switch
            {
                StoreProvider.Sqlite => OpenSqlite(Target),
                StoreProvider.Postgres => PostgresFactStore.Open(Target),
                StoreProvider.ClickHouse => ClickHouseFactStore.Open(Target),
                _ => throw new InvalidOperationException($"Unknown provider {Provider}."),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException && Provider != StoreProvider.Sqlite)
        {
            throw new StoreUnavailableException($"{this} is not a usable connection string: {e.Message}", e);
        }
    }

    /// <summary>
    /// The base name of files kept beside the store (the tracking journal, the demo's ground truth):
    /// the SQLite file itself; for a server store, a name in <paramref name="directory"/> made from
    /// the connection string, so that two databases never share one.
    /// </summary>
    public string LocalFileBase(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (Provider == StoreProvider.Sqlite)
        {
            return Target;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Target)))[..12];
        return Path.Combine(Path.GetFullPath(directory), $"northstar-{Provider.ToString().ToLowerInvariant()}-{hash}");
    }

    /// <summary>The location for people: the file, or the connection string without its password.</summary>
    public override string ToString() => Provider switch
    {
        StoreProvider.Sqlite => Target,
        _ => $"{Provider.ToString().ToLowerInvariant()}:{WithoutSecrets(Target)}",
    };

    private static SqliteFactStore OpenSqlite(string path)
    {
        var dir = Path.GetDirectoryName(path);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        return SqliteFactStore.Open(path);
    }

    private static string Required(string rest, string scheme) =>
        string.IsNullOrWhiteSpace(rest)
            ? throw new StoreUnavailableException($"'{scheme}:' needs a connection string after the colon, e.g. {scheme}:Host=127.0.0.1;Database=northstar.")
            : rest;

    private static string WithoutSecrets(string connectionString) =>
        string.Join(';', connectionString.Split(';')
            .Where(part => part.Length > 0)
            .Select(part => part.Split('=', 2) is [var key, _] && key.Trim().Contains("password", StringComparison.OrdinalIgnoreCase)
                ? key + "=***"
                : part));
}
