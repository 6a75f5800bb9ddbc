using System.Globalization;
using System.Text;

namespace Northstar.Cli.Tests;

/// <summary>Writes canonical events CSV files of any size for the process tests.</summary>
internal static class EventCsv
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Events e{first}..e{first+count-1}, one a second from <see cref="Start"/>; <paramref name="variant"/> changes the values.</summary>
    public static void Write(string path, int first, int count, string variant = "a")
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id,timestamp,type,anonymous_id,source,medium,channel,landing_page\n");
        var sources = new[] { ("google", "organic", "organic_search"), ("google", "cpc", "paid_search"), ("newsletter", "email", "email") };
        for (var i = first; i < first + count; i++)
        {
            var (source, medium, channel) = sources[i % sources.Length];
            var at = Start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"e{i},{at},session_start,anon{i % 5000},{source},{medium},{channel},/lp/{variant}\n"));
        }
    }
}
