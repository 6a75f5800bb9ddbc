using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Northstar.Core.Storage;

namespace Northstar.Storage.ClickHouse.Client;

/// <summary>
/// A small client of one ClickHouse server's HTTP interface: statements are POSTed as the
/// request body, results come back as RowBinary (typed, read with <see cref="RowBinaryReader"/>)
/// or TabSeparated (text), inserts are sent as RowBinary bodies. A refused statement throws
/// <see cref="ClickHouseException"/>; a server that cannot be reached or drops the connection
/// throws <see cref="StoreTransientException"/>. Thread-safe.
/// </summary>
internal sealed partial class ClickHouseClient : IDisposable
{
    /// <summary>
    /// Sent with every request: an INSERT ... SELECT squashes its rows into blocks of at most
    /// 256k rows / 64 MB before writing them (18.16's defaults, 1M rows / 256 MB, made moving 10M
    /// wide event rows with the view feeds run out of a 4 GB query memory limit).
    /// </summary>
    private const string InsertSettings = "min_insert_block_size_rows=262144&min_insert_block_size_bytes=67108864&";

    private readonly HttpClient _http;
    private readonly string? _database;

    public ClickHouseClient(Uri server, string? database = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
        _database = database;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(20) })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromMinutes(30),
        };
    }

    /// <summary>The server's base address.</summary>
    public Uri Server { get; }

    /// <summary>Runs a statement that returns nothing (DDL, INSERT ... SELECT, ALTER).</summary>
    public void Execute(string sql)
    {
        using var response = Send(sql, null, null);
    }

    /// <summary>Runs a query and reads its rows as RowBinary, streamed (the response stays open until the enumeration ends).</summary>
    public IEnumerable<T> Query<T>(string sql, Func<RowBinaryReader, T> readRow)
    {
        ArgumentNullException.ThrowIfNull(readRow);
        var response = Send(sql + "\nFORMAT RowBinary", null, null);
        try
        {
            using var reader = new RowBinaryReader(response.Content.ReadAsStream());
            while (HasMore(reader, sql))
            {
                yield return Guard(() => readRow(reader), sql);
            }
        }
        finally
        {
            response.Dispose();
        }
    }

    /// <summary>Runs a query and returns its rows as TabSeparated fields, unescaped (NULL is null).</summary>
    public IReadOnlyList<string?[]> QueryText(string sql)
    {
        using var response = Send(sql + "\nFORMAT TabSeparated", null, null);
        var body = Guard(() => response.Content.ReadAsStringAsync().GetAwaiter().GetResult(), sql);
        var rows = new List<string?[]>();
        // Every row ends in a newline; a row of one empty field is an empty line.
        var lines = body.Split('\n');
        foreach (var line in lines.AsSpan(0, lines.Length - 1))
        {
            rows.Add([.. line.Split('\t').Select(Unescape)]);
        }

        return rows;
    }

    /// <summary>The first field of the first row, or null when there is none.</summary>
    public string? QueryValue(string sql) => QueryText(sql) is [var first, ..] ? first[0] : null;

    /// <summary>Inserts rows already written as RowBinary, in the order of <paramref name="columns"/>.</summary>
    public void Insert(string table, string columns, ReadOnlyMemory<byte> rows)
    {
        var sql = $"INSERT INTO {table} ({columns}) FORMAT RowBinary";
        using var response = Send(sql, rows, sql);
    }

    /// <summary>A string as a single-quoted ClickHouse literal.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => sb.Append(@"\\"),
                '\'' => sb.Append(@"\'"),
                '\n' => sb.Append(@"\n"),
                '\r' => sb.Append(@"\r"),
                '\t' => sb.Append(@"\t"),
                '\0' => sb.Append(@"\0"),
                _ => sb.Append(c),
            };
        }

        return sb.Append('\'').ToString();
    }

    public void Dispose() => _http.Dispose();

    private HttpResponseMessage Send(string sql, ReadOnlyMemory<byte>? body, string? queryInUrl)
    {
        var url = "/?" + InsertSettings + (_database is null ? "" : "database=" + Uri.EscapeDataString(_database) + "&")
            + (queryInUrl is null ? "" : "query=" + Uri.EscapeDataString(queryInUrl));
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = body is { } rows ? new ReadOnlyMemoryContent(rows) : new StringContent(sql, Encoding.UTF8, "text/plain"),
        };
        HttpResponseMessage response;
        try
        {
            response = _http.Send(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (Exception e) when (IsConnectionFault(e))
        {
            throw new StoreTransientException($"ClickHouse at {Server} is unreachable: {e.Message}", e);
        }

        if (response.StatusCode == HttpStatusCode.OK)
        {
            return response;
        }

        using (response)
        {
            var text = Guard(() => response.Content.ReadAsStringAsync().GetAwaiter().GetResult(), sql);
            throw ParseError(text, sql);
        }
    }

    /// <summary>Reads <c>Code: N, e.displayText() = DB::Exception: message, e.what() = ...</c>.</summary>
    internal static ClickHouseException ParseError(string body, string sql)
    {
        var match = ErrorPattern().Match(body);
        return match.Success
            ? new ClickHouseException(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value.Trim(), sql)
            : new ClickHouseException(0, body.Trim(), sql);
    }

    private bool HasMore(RowBinaryReader reader, string sql) => Guard(() => reader.HasMore, sql);

    private T Guard<T>(Func<T> read, string sql)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsConnectionFault(e))
        {
            throw new StoreTransientException($"The connection to ClickHouse at {Server} broke during: {sql[..Math.Min(sql.Length, 200)]}", e);
        }
    }

    private static bool IsConnectionFault(Exception e) =>
        e is HttpRequestException or IOException or SocketException or TaskCanceledException;

    private static string? Unescape(string field)
    {
        if (field == @"\N")
        {
            return null;
        }

        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var sb = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i + 1 == field.Length)
            {
                sb.Append(field[i]);
                continue;
            }

            var c = field[++i];
            sb.Append(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', 'b' => '\b', 'f' => '\f', _ => c });
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"Code:\s*(\d+),\s*e\.displayText\(\)\s*=\s*(?:DB::Exception:\s*)?(.*?)(?:,\s*e\.what\(\)\s*=.*)?$", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();
}
