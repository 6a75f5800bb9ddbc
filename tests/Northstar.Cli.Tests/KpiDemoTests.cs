using System.Text.Json;
using Northstar.Core.Metrics;
using Northstar.Testing;

namespace Northstar.Cli.Tests;

public class KpiDemoTests(DemoCompanyFixture demo) : IClassFixture<DemoCompanyFixture>
{
    [Fact]
    public void KpiList_Json_ListsEveryKpiOfTheEngine()
    {
        using var store = new InMemoryFactStore();
        var expected = new MetricsEngine(store, store.GetOrCreateWorkspace("default")).Kpis.Select(k => k.Id).ToList();

        var (code, stdout, stderr) = CliProcess.Run(demo.Path, "kpi", "list", "--format", "json");

        Assert.True(code == 0, stderr);
        var listed = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Select(k => k.GetProperty("id").GetString()!).ToList();
        Assert.Equal(expected, listed);
        Assert.Contains("ltv_to_cac", listed);
    }

    [Fact]
    public void KpiList_Csv_HasAHeaderAndALinePerKpi()
    {
        var json = CliProcess.Run(demo.Path, "kpi", "list", "--format", "json");
        var count = JsonDocument.Parse(json.Out).RootElement.GetArrayLength();

        var (code, stdout, stderr) = CliProcess.Run(demo.Path, "kpi", "list", "--format", "csv");

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,name,unit,direction,custom,dimensions,definition", lines[0], StringComparison.Ordinal);
        Assert.Equal(count + 1, lines.Length);
    }

    [Fact]
    public void Kpi_SessionsByChannelByMonth_GroupsSumToOverall()
    {
        var (code, stdout, stderr) = CliProcess.Run(
            demo.Path, "kpi", "sessions", "--period", "2025-Q3", "--grain", "month", "--by", "channel", "--compare", "previous", "--format", "json");

        Assert.True(code == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(["2025-07", "2025-08", "2025-09"], result.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        var rows = result.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count > 1, "the demo company has several channels");
        var overall = result.GetProperty("overall");
        for (var month = 0; month < 3; month++)
        {
            var sum = rows.Sum(r => r.GetProperty("values")[month].GetDouble());
            Assert.Equal(overall.GetProperty("values")[month].GetDouble(), sum);
        }

        Assert.True(overall.GetProperty("total").GetDouble() > 0);
        Assert.Equal(overall.GetProperty("total").GetDouble(), rows.Sum(r => r.GetProperty("total").GetDouble()));
        Assert.Equal("2025-Q2", result.GetProperty("query").GetProperty("compare_label").GetString());
    }

    [Fact]
    public void Kpi_SessionsTable_HasASparklinePerRow()
    {
        var (code, stdout, stderr) = CliProcess.Run(demo.Path, "kpi", "sessions", "--period", "2025-Q3", "--by", "channel");

        Assert.True(code == 0, stderr);
        var sparkRows = stdout.Split('\n').Count(l => l.Any(c => c is >= '▁' and <= '█'));
        var json = CliProcess.Run(demo.Path, "kpi", "sessions", "--period", "2025-Q3", "--by", "channel", "--format", "json");
        Assert.Equal(JsonDocument.Parse(json.Out).RootElement.GetProperty("rows").GetArrayLength() + 1, sparkRows); // groups + (all)
    }

    [Fact]
    public void ReportReview_Table_ShowsTheTwelveHeadlineKpis()
    {
        var (code, stdout, stderr) = CliProcess.Run(demo.Path, "report", "review", "--period", "2025-Q3");

        Assert.True(code == 0, stderr);
        foreach (var name in new[] { "Sessions", "Leads", "MQLs", "SQLs", "Opportunit", "Customers", "New revenue", "Pipeline created", "Spend", "Customer acquisition cost", "ROI", "LTV to CAC" })
        {
            Assert.Contains(name, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("2025-09", stdout, StringComparison.Ordinal);
        Assert.Contains("2025-Q2", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportReview_Json_MonthsSumToQuarterForCounts()
    {
        var (code, stdout, stderr) = CliProcess.Run(demo.Path, "report", "review", "--period", "2025-Q3", "--format", "json");

        Assert.True(code == 0, stderr);
        var review = JsonDocument.Parse(stdout).RootElement;
        var rows = review.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(
            ["sessions", "leads", "mqls", "sqls", "opportunities", "customers", "revenue_new", "pipeline_created", "spend", "cac", "roi", "ltv_to_cac"],
            rows.Select(r => r.GetProperty("kpi").GetString()));
        Assert.Equal(3, review.GetProperty("months").GetArrayLength());
        var leads = rows[1];
        Assert.Equal(leads.GetProperty("total").GetDouble(), leads.GetProperty("months").EnumerateArray().Sum(m => m.GetDouble()));
        var single = CliProcess.Run(demo.Path, "kpi", "leads", "--period", "2025-Q2", "--grain", "total", "--compare", "none", "--format", "json");
        var q2Leads = JsonDocument.Parse(single.Out).RootElement.GetProperty("rows")[0].GetProperty("total").GetDouble();
        Assert.Equal(q2Leads, leads.GetProperty("change").GetProperty("previous").GetDouble());
    }

    [Fact]
    public void ReportReview_PeriodNotAQuarter_ExitsWithTwo()
    {
        var (code, _, stderr) = CliProcess.Run(demo.Path, "report", "review", "--period", "2025-07");

        Assert.Equal(2, code);
        Assert.Contains("covers a quarter", stderr, StringComparison.Ordinal);
    }
}
