using System.Globalization;
using System.Text.Json;

namespace Northstar.Cli.Tests.Attribution;

/// <summary><c>northstar attribution</c> and its reports on the small demo company (300 contacts, 2025), run as a real process.</summary>
public sealed class AttributionStoreTests : IClassFixture<DemoCompanyFixture>
{
    private static readonly string[] Compared = ["first", "last", "linear", "position", "markov", "shapley"];

    private readonly DemoCompanyFixture _demo;

    public AttributionStoreTests(DemoCompanyFixture demo) => _demo = demo;

    [Fact]
    public void Compare_Mqls_EveryModelCreditsEachTouchedMqlOnceAndUntouchedMakeUpTheKpi()
    {
        var json = Json("attribution", "--conversion", "mql", "--period", "2025", "--compare", string.Join(',', Compared), "--format", "json");

        var comparison = json.GetProperty("comparison");
        Assert.Equal(Compared, comparison.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        var conversions = comparison.GetProperty("conversions").GetDouble();
        var rows = comparison.GetProperty("rows").EnumerateArray().ToList();
        for (var m = 0; m < Compared.Length; m++)
        {
            Assert.Equal(conversions, rows.Sum(r => r.GetProperty("conversions")[m].GetDouble()), 9);
        }

        Assert.Equal(Kpi("mqls"), conversions + comparison.GetProperty("untouched_conversions").GetDouble());
    }

    [Fact]
    public void Markov_WonDeals_ValueCreditedPlusUntouchedIsTheNewRevenue()
    {
        var credits = Json("attribution", "--conversion", "won", "--period", "2025", "--model", "markov", "--order", "2", "--format", "json").GetProperty("credits");

        Assert.Equal("markov_2", credits.GetProperty("model").GetString());
        var value = credits.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("value").GetDouble());
        Assert.Equal(Kpi("revenue_new"), value + credits.GetProperty("untouched_value").GetDouble(), 6);
    }

    [Fact]
    public void WritePaths_ThenPaths_GivesTheStoresCredits()
    {
        var store = Json("attribution", "--conversion", "mql", "--model", "linear", "--write-paths", "mql-paths.csv", "--format", "json");
        var paths = Json("attribution", "--paths", "mql-paths.csv", "--model", "linear", "--format", "json");

        Assert.True(File.Exists(Path.Combine(_demo.Path, "mql-paths.csv")));
        Assert.Equal(Rows(store), Rows(paths));
    }

    [Fact]
    public void Pipeline_SourcedByChannel_IsTheKpisPipelineCreatedByChannel()
    {
        var pipeline = Json("attribution", "pipeline", "--period", "2025", "--format", "json").GetProperty("pipeline");
        var kpi = Json("kpi", "pipeline_created", "--by", "channel", "--period", "2025", "--grain", "total", "--compare", "none", "--format", "json")
            .GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!, r => r.GetProperty("total").GetDouble());

        var sourced = pipeline.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("sourced_deals").GetInt64() > 0)
            .ToDictionary(r => r.GetProperty("channel").GetString()!, r => r.GetProperty("sourced_pipeline").GetDouble());
        Assert.Equal(kpi.Keys.Where(k => k != "(none)").Order(StringComparer.Ordinal), sourced.Keys.Order(StringComparer.Ordinal));
        Assert.All(sourced, p => Assert.Equal(kpi[p.Key], p.Value, 6));
        Assert.Equal(kpi.GetValueOrDefault("(none)"), pipeline.GetProperty("unsourced_pipeline").GetDouble(), 6);
        Assert.Equal(Kpi("pipeline_created"), pipeline.GetProperty("pipeline").GetDouble(), 6);
    }

    [Fact]
    public void Pipeline_Table_SaysWhatSourcedAndInfluencedMean()
    {
        var (code, stdout, stderr) = CliProcess.Run(_demo.Path, "attribution", "pipeline", "--period", "2025");

        Assert.True(code == 0, stderr);
        Assert.Contains("original source, the channel of the contact's first touch ever", stdout, StringComparison.Ordinal);
        Assert.Contains("as 'northstar kpi pipeline_created --by channel' counts it", stdout, StringComparison.Ordinal);
        Assert.Contains("touches in the 90 days before the deal", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Economics_TotalLineIsTheWorkspacesCacRoasAndRoi()
    {
        var economics = Json("attribution", "economics", "--model", "first", "--period", "2025", "--format", "json").GetProperty("economics");

        var total = economics.GetProperty("total");
        Assert.Equal(Kpi("cac"), total.GetProperty("cac").GetDouble(), 6);
        Assert.Equal(Kpi("roas"), total.GetProperty("roas").GetDouble(), 9);
        Assert.Equal(Kpi("roi"), total.GetProperty("roi").GetDouble(), 9);
        Assert.Equal(Kpi("customers"), total.GetProperty("customers").GetDouble());
    }

    [Fact]
    public void Economics_Csv_EachChannelsRatiosFollowFromItsSpendAndCredit()
    {
        var (code, stdout, stderr) = CliProcess.Run(_demo.Path, "attribution", "economics", "--model", "linear", "--period", "2025", "--format", "csv");

        Assert.True(code == 0, stderr);
        foreach (var cells in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')))
        {
            var (acquisition, media, customers, revenue) = (Number(cells[2]), Number(cells[3]), Number(cells[4]), Number(cells[5]));
            AssertNear(customers > 0 && acquisition > 0 ? acquisition / customers : null, Optional(cells[6]));
            AssertNear(media > 0 ? revenue / media : null, Optional(cells[7]));
            AssertNear(acquisition > 0 ? (revenue - acquisition) / acquisition : null, Optional(cells[8]));
        }
    }

    [Fact]
    public void Influence_BothShareColumnsAddUpToOne()
    {
        var influence = Json("attribution", "influence", "--model", "shapley", "--period", "2025", "--format", "json").GetProperty("influence");

        var rows = influence.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(1, rows.Sum(r => r.GetProperty("mql_share").GetDouble()), 9);
        Assert.Equal(1, rows.Sum(r => r.GetProperty("revenue_share").GetDouble()), 9);
        Assert.All(rows, r => Assert.Equal(r.GetProperty("revenue_share").GetDouble() - r.GetProperty("mql_share").GetDouble(), r.GetProperty("difference").GetDouble(), 12));
    }

    [Fact]
    public void Table_ByCampaign_HasTheCampaignColumnAndShareBars()
    {
        var (code, stdout, stderr) = CliProcess.Run(_demo.Path, "attribution", "--conversion", "mql", "--model", "position", "--by", "campaign");

        Assert.True(code == 0, stderr);
        Assert.Contains("Attribution by campaign: position", stdout, StringComparison.Ordinal);
        Assert.Contains("Share of conversions", stdout, StringComparison.Ordinal);
        Assert.Contains("█", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md", "## Attribution by channel: w_shaped")]
    [InlineData("html", "<svg")]
    public void Formats_MarkdownAndHtml_RenderTheSections(string format, string expected)
    {
        var (code, stdout, stderr) = CliProcess.Run(_demo.Path, "attribution", "--conversion", "sql", "--model", "w_shaped", "--format", format);

        Assert.True(code == 0, stderr);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--conversion", "signup" }, "error: --conversion: unknown conversion 'signup'")]
    [InlineData(new[] { "--period", "2025-Q5" }, "error: bad period")]
    [InlineData(new[] { "--model", "markov", "--order", "0" }, "error: --order 0")]
    public void BadInput_ExitsTwo(string[] args, string error)
    {
        var (code, _, stderr) = CliProcess.Run(_demo.Path, ["attribution", .. args]);

        Assert.Equal(2, code);
        Assert.Contains(error, stderr, StringComparison.Ordinal);
    }

    private JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliProcess.Run(_demo.Path, args);
        Assert.True(code == 0, $"northstar {string.Join(' ', args)} exited {code}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    private double Kpi(string id) =>
        Json("kpi", id, "--period", "2025", "--grain", "total", "--compare", "none", "--format", "json").GetProperty("rows")[0].GetProperty("total").GetDouble();

    private static List<(string, double, double)> Rows(JsonElement json) =>
        [.. json.GetProperty("credits").GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("key").GetString()!, Math.Round(r.GetProperty("conversions").GetDouble(), 9), Math.Round(r.GetProperty("value").GetDouble(), 6)))];

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    private static double? Optional(string cell) => cell.Length == 0 ? null : Number(cell);

    private static void AssertNear(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.True(Math.Abs(e - actual!.Value) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"expected {e}, got {actual}");
        }
    }
}
