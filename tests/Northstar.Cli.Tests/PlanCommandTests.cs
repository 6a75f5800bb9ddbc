using System.Text.Json;

namespace Northstar.Cli.Tests;

/// <summary><c>northstar plan</c> on typed-in rates (the issue's worked example) and on a demo company's history.</summary>
public sealed class PlanCommandTests(DemoCompanyFixture demo) : IClassFixture<DemoCompanyFixture>
{
    private static readonly string[] WorkedExample =
        ["plan", "--revenue", "10000000", "--deal-size", "1100000", "--rates", "1.5%,20%,20%,40%,50%", "--period", "FY2026"];

    private static readonly string[] Steps = ["sessions", "leads", "mqls", "sqls", "opportunities", "customers"];

    [Fact]
    public void Plan_WorkedExampleTyped_PrintsTheIssuesNumbers()
    {
        using var empty = new TempDirectory();

        var (code, stdout, stderr) = CliProcess.Run(empty.Path, [.. WorkedExample, "--forward-sessions", "6000"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("Customers needed: 9.091 over the period, 0.7576 a month", stdout, StringComparison.Ordinal);
        var january = stdout.Split('\n').Single(l => l.Contains("│ 2026-01 ", StringComparison.Ordinal));
        Assert.Equal(["2026-01", "8.333%", "6,313", "94.7", "18.94", "3.788", "1.515", "0.7576"], Cells(january));
        var forwardSqls = stdout.Split('\n').SkipWhile(l => !l.StartsWith("Forwards", StringComparison.Ordinal)).First(l => l.Contains(" SQLs ", StringComparison.Ordinal));
        Assert.Equal(["SQLs", "3.6", "43.2"], Cells(forwardSqls));
        Assert.Contains("1.5% -> 1.578%", stdout, StringComparison.Ordinal); // 1.5% x 9.0909 / 8.64
    }

    [Fact]
    public void Plan_WorkedExampleJson_KeepsExactValues()
    {
        using var empty = new TempDirectory();

        var (code, stdout, stderr) = CliProcess.Run(empty.Path, [.. WorkedExample, "--forward-sessions", "6000", "--format", "json"]);

        Assert.True(code == 0, stderr);
        var plan = JsonDocument.Parse(stdout).RootElement;
        var month = plan.GetProperty("months")[0].GetProperty("counts");
        var customers = 10_000_000.0 / 1_100_000 / 12;
        Assert.Equal(customers, month.GetProperty("customers").GetDouble(), precision: 12);
        Assert.Equal(customers / 0.5 / 0.4 / 0.2 / 0.2 / 0.015, month.GetProperty("sessions").GetDouble(), precision: 8);
        Assert.Equal(0.72, plan.GetProperty("forward").GetProperty("per_month").GetProperty("customers").GetDouble(), precision: 12);
        Assert.Equal("typed", plan.GetProperty("rates")[0].GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], plan.GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("label").GetString()));
    }

    [Fact]
    public void Plan_Markdown_HasTheMonthTable()
    {
        using var empty = new TempDirectory();

        var (code, stdout, stderr) = CliProcess.Run(empty.Path, [.. WorkedExample, "--format", "md"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("| 2026-01 | 8.333% | 6,313 | 94.7 | 18.94 | 3.788 | 1.515 | 0.7576 |", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0%,20%,20%,40%,50%", "Sessions -> Leads rate typed in is 0%")]
    [InlineData("1.5%,20%,20%,40%,150%", "Opportunities -> Customers rate typed in is 150%")]
    [InlineData("1.5%,20%,20%", "expected 5 rates")]
    [InlineData("1.5%,x,20%,40%,50%", "'x' (the Leads -> MQLs rate) is not a number")]
    public void Plan_BadRates_ExitTwoNamingTheStep(string rates, string expected)
    {
        using var empty = new TempDirectory();

        var (code, _, stderr) = CliProcess.Run(empty.Path, "plan", "--revenue", "10000000", "--deal-size", "1100000", "--rates", rates, "--period", "FY2026");

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoStoreAndNoRates_SaysThereIsNoDatabase()
    {
        using var empty = new TempDirectory();

        var (code, _, stderr) = CliProcess.Run(empty.Path, "plan", "--revenue", "10000000", "--period", "FY2026");

        Assert.Equal(1, code);
        Assert.Contains("no database at", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DemoHistory_RatesAreTheRatiosOfTheStepCounts()
    {
        var counts = Steps.Select(kpi => Total(kpi, "2025")).ToArray();

        var (code, stdout, stderr) = CliProcess.Run(demo.Path, "plan", "--revenue", "1000000", "--period", "2026", "--lookback", "2025", "--format", "json");

        Assert.True(code == 0, stderr);
        var plan = JsonDocument.Parse(stdout).RootElement;
        var rates = plan.GetProperty("rates").EnumerateArray().ToList();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(counts[i + 1] / counts[i], rates[i].GetProperty("rate").GetDouble(), precision: 12);
            Assert.Equal("history", rates[i].GetProperty("source").GetProperty("kind").GetString());
            Assert.Equal(counts[i], rates[i].GetProperty("source").GetProperty("basis").GetDouble());
        }

        var dealSize = plan.GetProperty("deal_size").GetProperty("amount").GetDouble();
        Assert.Equal(Total("average_deal_size", "2025"), dealSize, precision: 6);
        var expectedSessions = 1_000_000 / dealSize / (counts[5] / counts[0]);
        Assert.Equal(expectedSessions, plan.GetProperty("total").GetProperty("sessions").GetDouble(), precision: 6);
    }

    [Fact]
    public void Plan_DemoCohortBasis_UsesTheCatalogsCohortRates()
    {
        var cohort = Total("mql_to_sql_cohort_rate", "2025");

        var (code, stdout, stderr) = CliProcess.Run(demo.Path, "plan", "--revenue", "1000000", "--period", "2026", "--lookback", "2025", "--rate-basis", "cohort", "--format", "json");

        Assert.True(code == 0, stderr);
        var mqlToSql = JsonDocument.Parse(stdout).RootElement.GetProperty("rates")[2];
        Assert.Equal(cohort, mqlToSql.GetProperty("rate").GetDouble(), precision: 12);
        Assert.Equal("mql_to_sql_cohort_rate", mqlToSql.GetProperty("source").GetProperty("formula").GetString());
    }

    [Fact]
    public void Plan_DemoSeasonalByChannel_SharesSumToOne()
    {
        var (code, stdout, stderr) = CliProcess.Run(
            demo.Path, "plan", "--revenue", "1000000", "--period", "2026", "--lookback", "2025", "--split", "seasonal", "--by-channel", "--format", "json");

        Assert.True(code == 0, stderr);
        var plan = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("seasonal", plan.GetProperty("split").GetProperty("mode").GetString());
        Assert.Equal(1.0, plan.GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("share").GetDouble()), precision: 12);
        Assert.Equal(1.0, plan.GetProperty("channels").EnumerateArray().Sum(c => c.GetProperty("goal_share").GetDouble()), precision: 12);
    }

    [Fact]
    public void Plan_LookbackWithoutData_SaysSo()
    {
        var (code, _, stderr) = CliProcess.Run(demo.Path, "plan", "--revenue", "1000000", "--period", "2026", "--lookback", "2020");

        Assert.Equal(2, code);
        Assert.Contains("The look-back 2020-01-01..2020-12-31 has no data", stderr, StringComparison.Ordinal);
    }

    private static string[] Cells(string line) =>
        line.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private double Total(string kpi, string period)
    {
        var (code, stdout, stderr) = CliProcess.Run(demo.Path, "kpi", kpi, "--period", period, "--format", "json");
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.GetProperty("rows")[0].GetProperty("total").GetDouble();
    }
}
