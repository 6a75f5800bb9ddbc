using System.Globalization;
using System.Text;
using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;

namespace Northstar.Bench;

/// <summary>
/// Narrow rows as a tracker export looks (id, timestamp, type, anonymous and session ids, source,
/// medium, page), deterministic so that runs compare: what the import benches of every backend
/// load, raw and through Northstar.
/// </summary>
internal static class NarrowEvents
{
    public static readonly string[] Types = ["page_view", "page_view", "page_view", "session_start", "cta_view", "cta_click", "form_submit"];

    public static readonly (string Source, string Medium)[] Sources =
        [("google", "organic"), ("google", "cpc"), ("linkedin", "paid_social"), ("newsletter", "email"), ("", ""), ("bing", "organic")];

    /// <summary>Writes <paramref name="rows"/> rows as an events CSV.</summary>
    public static void Write(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id,timestamp,type,anonymous_id,session_id,source,medium,page\n");
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var random = new Random(42);
        for (var i = 0; i < rows; i++)
        {
            var at = start.AddSeconds(i * 7L);
            var (source, medium) = Sources[random.Next(Sources.Length)];
            var visitor = random.Next(200_000);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"ev{i},{at:yyyy-MM-ddTHH:mm:ss}Z,{Types[i % Types.Length]},a{visitor},s{visitor}-{i / 20},{source},{medium},/page/{i % 300}\n"));
        }
    }

    /// <summary>
    /// The rows of a file <see cref="Write"/> wrote as the facts the importer builds from them
    /// (empty cells absent, the channel grouped by the default rules): what the backends' "stored
    /// shape" lines load with the engine's own bulk load, parsed before their clock starts.
    /// </summary>
    public static List<EventFact> Facts(string path)
    {
        var facts = new List<EventFact>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            var source = f[5].Length == 0 ? null : f[5];
            var medium = f[6].Length == 0 ? null : f[6];
            SnakeCaseNames<EventType>.TryParse(f[2], out var type);
            facts.Add(new EventFact
            {
                Id = f[0],
                Timestamp = DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture),
                Type = type,
                AnonymousId = f[3],
                SessionId = f[4],
                Source = source,
                Medium = medium,
                Channel = ChannelGrouping.Default.Classify(source, medium, null),
                Page = f[7],
            });
        }

        return facts;
    }
}

/// <summary>The quarterly review every backend's bench times: its 12 headline KPIs by month against the previous quarter.</summary>
internal static class ReviewKpis
{
    public static readonly string[] Ids =
    [
        "sessions", "leads", "mqls", "sqls", "opportunities", "customers",
        "revenue_new", "pipeline_created", "spend", "cac", "roi", "ltv_to_cac",
    ];

    /// <summary>
    /// True when <c>NORTHSTAR_BENCH_REVIEW=one-by-one</c>: each KPI run on its own
    /// (<see cref="MetricsEngine.Run"/>, its reads one after another), to compare with the
    /// default, the review's own path (<see cref="MetricsEngine.RunAll"/>, the reads at once).
    /// </summary>
    public static bool OneByOne { get; } = Environment.GetEnvironmentVariable("NORTHSTAR_BENCH_REVIEW") == "one-by-one";

    /// <summary>How the review is run in this process: "all at once (RunAll)" or "one by one (Run)".</summary>
    public static string Mode => OneByOne ? "KPIs one by one (Run)" : "reads at once (RunAll)";

    public static void Run(MetricsEngine engine, DateRange quarter, DateRange previous)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (!OneByOne)
        {
            engine.RunAll([.. Ids.Select(kpi => new MetricQuery(kpi, quarter, Grain.Month) { CompareWith = previous })]);
            return;
        }

        foreach (var kpi in Ids)
        {
            engine.Run(new MetricQuery(kpi, quarter, Grain.Month) { CompareWith = previous });
        }
    }
}

/// <summary>The machine's one-minute load average, printed beside every figure (n/a off Linux).</summary>
internal static class Load
{
    public static string Average() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
