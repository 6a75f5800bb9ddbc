namespace Northstar.Storage.ClickHouse;

/// <summary>
/// Where a <see cref="ClickHouseFactStore"/> lives:
/// <c>Url=http://127.0.0.1:8123;Database=northstar</c> for one server, plus
/// <c>Cluster=northstar;Shards=http://h1:8123,http://h2:8123</c> for a cluster whose
/// <c>remote_servers</c> entry of that name lists the same servers, one shard each, in the same
/// order. <c>Url</c> defaults to the first shard; <c>Database</c> to <c>northstar</c>.
/// </summary>
/// <param name="Url">The server the store's records and queries go to.</param>
/// <param name="Database">The database (created on open).</param>
/// <param name="Cluster">The cluster name for the Distributed tables, or null for one server.</param>
/// <param name="Shards">Every shard's HTTP address, in cluster order (just <paramref name="Url"/> for one server).</param>
public sealed record ClickHouseConnectionString(Uri Url, string Database, string? Cluster, IReadOnlyList<Uri> Shards)
{
    /// <summary>Reads <c>Key=value;...</c> (keys case-insensitive).</summary>
    /// <exception cref="FormatException">A key is unknown, a value is missing or not an http(s) address.</exception>
    public static ClickHouseConnectionString Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq].Trim();
            if (eq < 0 || !Keys.Contains(key))
            {
                throw new FormatException($"'{part}' is not one of Url=, Database=, Cluster=, Shards= in the ClickHouse connection string.");
            }

            parts[key] = part[(eq + 1)..].Trim();
        }

        var shards = parts.TryGetValue("Shards", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Address).ToList()
            : [];
        var url = parts.TryGetValue("Url", out var u) ? Address(u) : shards.FirstOrDefault()
            ?? throw new FormatException("The ClickHouse connection string needs Url= (or Shards=).");
        var database = parts.GetValueOrDefault("Database") ?? "northstar";
        if (database.Length == 0 || !database.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new FormatException($"'{database}' is not a database name (letters, digits, '_').");
        }

        var cluster = parts.GetValueOrDefault("Cluster");
        if (cluster is not null && shards.Count == 0)
        {
            throw new FormatException("Cluster= needs Shards= (every shard's HTTP address, in cluster order).");
        }

        return new ClickHouseConnectionString(url, database, cluster, shards.Count == 0 ? [url] : shards);
    }

    private static readonly HashSet<string> Keys = new(["Url", "Database", "Cluster", "Shards"], StringComparer.OrdinalIgnoreCase);

    private static Uri Address(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"'{text}' is not an http(s) address.");
}
