using System.Security.Cryptography;
using System.Text;
using Npgsql;
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
            "POSTGRES" or "POSTGRESQL" => Of(StoreProvider.Postgres, KeyValues(rest, "postgres")),
            "CLICKHOUSE" => Of(StoreProvider.ClickHouse, KeyValues(rest, "clickhouse")),
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
        return kind == StoreProvider.Sqlite ? Sqlite(SqliteFile(connectionString)) : Of(kind, KeyValues(connectionString, provider!.Trim()));
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
    /// Which store this is, whatever the spelling: the SQLite file's full path; for PostgreSQL the
    /// hosts, port and database (keywords in any order or case, aliases, the default port and
    /// database filled in, no credentials); for ClickHouse the query server, database, cluster and
    /// shards. Two locations with the same identity are the same store (host names are compared
    /// as written: <c>localhost</c> and <c>127.0.0.1</c> differ).
    /// </summary>
    public string Identity => Provider switch
    {
        StoreProvider.Sqlite => Target,
        StoreProvider.Postgres => PostgresIdentity(Target),
        _ => ClickHouseIdentity(Target),
    };

    /// <summary>Whether <paramref name="other"/> names the same store (see <see cref="Identity"/>).</summary>
    public bool IsSameStore(StoreLocation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Provider == other.Provider && string.Equals(Identity, other.Identity, StringComparison.Ordinal);
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

        // From the identity, not the text: a rotated password or keys in another order must find
        // the journal of events acknowledged before the restart, not start an empty one.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Identity)))[..12];
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

    // A connection string is Key=Value pairs; a URL (postgres://user:password@host/db) is not one,
    // and is refused without echoing it (its password is not behind a key to mask).
    private static string KeyValues(string rest, string scheme) =>
        string.IsNullOrWhiteSpace(rest)
            ? throw new StoreUnavailableException($"'{scheme}:' needs a connection string after the colon, e.g. {scheme}:Host=127.0.0.1;Database=northstar.")
            : !rest.Contains('=', StringComparison.Ordinal) || rest.TrimStart().StartsWith("//", StringComparison.Ordinal)
                ? throw new StoreUnavailableException($"'{scheme}:' takes a connection string of Key=Value pairs (e.g. {scheme}:Host=127.0.0.1;Database=northstar), not a URL or a name; the text given is not shown, it may hold a password.")
                : rest;

    // ConnectionStrings:Northstar for SQLite: a file path, or Microsoft.Data.Sqlite's "Data Source=FILE;...".
    private static string SqliteFile(string connectionString)
    {
        if (!connectionString.Contains('=', StringComparison.Ordinal))
        {
            return connectionString;
        }

        var pairs = Pairs(connectionString);
        return pairs is not null && (pairs.TryGetValue("Data Source", out var file) || pairs.TryGetValue("DataSource", out file) || pairs.TryGetValue("Filename", out file))
            ? file
            : throw new StoreUnavailableException("ConnectionStrings:Northstar for SQLite needs a file path or 'Data Source=FILE'.");
    }

    // Key=Value pairs as connection strings are read: a value in "..." or '...' (a doubled quote
    // stands for one) may hold ';' and '='. Keys keep their spelling. Null when malformed.
    private static Dictionary<string, string>? Pairs(string connectionString)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < connectionString.Length)
        {
            var eq = connectionString.IndexOf('=', i);
            var semi = connectionString.IndexOf(';', i);
            if (semi >= 0 && (eq < 0 || semi < eq))
            {
                if (connectionString[i..semi].Trim().Length > 0)
                {
                    return null;
                }

                i = semi + 1;
                continue;
            }

            if (eq < 0)
            {
                return connectionString[i..].Trim().Length == 0 ? pairs : null;
            }

            var key = connectionString[i..eq].Trim();
            var (value, next) = Value(connectionString, eq + 1);
            if (key.Length == 0 || value is null)
            {
                return null;
            }

            pairs[key] = value;
            i = next;
        }

        return pairs;
    }

    private static (string? Value, int Next) Value(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i < text.Length && text[i] is '"' or '\'')
        {
            var quote = text[i];
            var value = new StringBuilder();
            for (i++; i < text.Length; i++)
            {
                if (text[i] != quote)
                {
                    value.Append(text[i]);
                }
                else if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i++;
                }
                else
                {
                    var semi = text.IndexOf(';', i + 1);
                    var end = semi < 0 ? text.Length : semi;
                    return text[(i + 1)..end].Trim().Length == 0 ? (value.ToString(), end + 1) : (null, 0);
                }
            }

            return (null, 0);
        }

        var stop = text.IndexOf(';', start);
        return stop < 0 ? (text[start..].Trim(), text.Length) : (text[start..stop].Trim(), stop + 1);
    }

    private static bool IsSecret(string key)
    {
        var k = key.Trim();
        return k.Contains("password", StringComparison.OrdinalIgnoreCase)
            || k.Equals("pwd", StringComparison.OrdinalIgnoreCase) || k.Equals("psw", StringComparison.OrdinalIgnoreCase);
    }

    // Quoted values ("a;b", 'x=y') are read as the drivers read them, so a password holding ';' or
    // '=' is masked whole. Text that does not parse is shown only up to its first secret key.
    private static string WithoutSecrets(string connectionString)
    {
        if (Pairs(connectionString) is { } pairs)
        {
            return string.Join(';', pairs.Select(p => IsSecret(p.Key) ? $"{p.Key}=***" : $"{p.Key}={p.Value}"));
        }

        var parts = connectionString.Split(';');
        var shown = parts.TakeWhile(part => !IsSecret(part.Split('=', 2)[0])).ToList();
        return string.Join(';', shown) + (shown.Count < parts.Length ? ";" + parts[shown.Count].Split('=', 2)[0] + "=***..." : "");
    }

    private static string PostgresIdentity(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            var hosts = string.Join(',', (b.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(h => h.Contains(':', StringComparison.Ordinal) ? h.ToLowerInvariant() : $"{h.ToLowerInvariant()}:{b.Port}"));
            return $"{hosts}/{b.Database ?? b.Username ?? ""}";
        }
        catch (ArgumentException)
        {
            // Not one Npgsql reads (the open refuses it): the text, still without its secrets.
            return WithoutSecrets(connectionString);
        }
    }

    private static string ClickHouseIdentity(string connectionString)
    {
        try
        {
            var c = ClickHouseConnectionString.Parse(connectionString);
            return $"{c.Url}/{c.Database}/{c.Cluster}/{string.Join(',', c.Shards)}";
        }
        catch (FormatException)
        {
            return WithoutSecrets(connectionString);
        }
    }
}
