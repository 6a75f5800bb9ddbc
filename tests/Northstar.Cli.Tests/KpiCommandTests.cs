using System.Text.Json;

namespace Northstar.Cli.Tests;

public class KpiCommandTests(KpiFixture company) : IClassFixture<KpiFixture>
{
    [Fact]
    public void Kpi_LeadsByMonth_MatchesHandCountsAndPreviousQuarter()
    {
        var (code, stdout, stderr) = CliProcess.Run(company.Path, "kpi", "leads", "--period", "2025-Q3", "--format", "json");

        Assert.True(code == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        var row = result.GetProperty("rows")[0];
        Assert.Equal([2.0, 1.0, 0.0], row.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(3, row.GetProperty("total").GetDouble());
        var change = row.GetProperty("change");
        Assert.Equal(1, change.GetProperty("previous").GetDouble()); // c4, June
        Assert.Equal(2, change.GetProperty("absolute").GetDouble());
        Assert.Equal(2.0, change.GetProperty("relative").GetDouble()); // (3 - 1) / 1
        Assert.Equal("better", change.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Kpi_CacForQuarter_IsAcquisitionSpendOverCustomers()
    {
        var (code, stdout, stderr) = CliProcess.Run(company.Path, "kpi", "cac", "--period", "2025-Q3", "--grain", "total", "--by", "channel", "--format", "json");

        Assert.True(code == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal((1000 + 500) / 2.0, result.GetProperty("overall").GetProperty("total").GetDouble()); // service spend excluded
        var byChannel = result.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("group").GetString()!, r => r.GetProperty("total"));
        Assert.Equal(1000, byChannel["paid_search"].GetDouble()); // 1,000 media / c1
        Assert.Equal(500, byChannel["email"].GetDouble()); // 500 creative / c2
    }

    [Fact]
    public void Kpi_Table_ShowsFormattedMoneyAndVerdict()
    {
        var (code, stdout, stderr) = CliProcess.Run(company.Path, "kpi", "spend", "--period", "2025-Q3", "--compare", "previous");

        Assert.True(code == 0, stderr);
        Assert.Contains("2,200.00", stdout, StringComparison.Ordinal); // 1,000 + 500 + 700, every kind
        Assert.Contains("1,000.00", stdout, StringComparison.Ordinal); // July
        Assert.Contains("2025-Q2", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Kpi_Csv_HasOneLinePerBucketPlusTotalAndPrevious()
    {
        var (code, stdout, stderr) = CliProcess.Run(company.Path, "kpi", "leads", "--period", "2025-Q3", "--format", "csv");

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.Equal(["kpi", "group", "bucket", "start", "end", "value", "incomplete"], lines[0]);
        Assert.All(lines, l => Assert.Equal(7, l.Length));
        Assert.Equal(["leads", "", "2025-08", "2025-08-01", "2025-08-31", "1", "false"], lines[2]);
        Assert.Equal(["leads", "", "total", "2025-07-01", "2025-09-30", "3", "false"], lines[4]);
        Assert.Equal(["leads", "", "previous", "2025-04-01", "2025-06-30", "1", "false"], lines[5]);
        Assert.Equal(6, lines.Count);
    }

    [Fact]
    public void Kpi_FilterOnChannels_KeepsOnlyThoseContacts()
    {
        var (code, stdout, stderr) = CliProcess.Run(company.Path, "kpi", "leads", "--period", "2025-Q3", "--filter", "channel=email,organic_search", "--format", "json");
        var negated = CliProcess.Run(company.Path, "kpi", "leads", "--period", "2025-Q3", "--filter", "channel!=email", "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.Equal(2, JsonDocument.Parse(stdout).RootElement.GetProperty("rows")[0].GetProperty("total").GetDouble()); // c2, c3
        Assert.Equal(2, JsonDocument.Parse(negated.Out).RootElement.GetProperty("rows")[0].GetProperty("total").GetDouble()); // c1, c3
    }

    [Theory]
    [InlineData("nonsense_kpi", "--period", "2025-Q3", "Unknown KPI")]
    [InlineData("lead", "--period", "2025-Q3", "did you mean")]
    [InlineData("leads", "--period", "2025-Q5", "bad period")]
    [InlineData("spend", "--by", "form", "cannot be broken down")]
    [InlineData("leads", "--filter", "channel", "expected dimension=value")]
    public void Kpi_BadRequest_ExitsWithTwoAndReason(string kpi, string option, string value, string expected)
    {
        var (code, stdout, stderr) = CliProcess.Run(company.Path, "kpi", kpi, option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // no stack trace
        Assert.Equal("", stdout);
    }
}
