using System.Text.Json;

namespace Northstar.Cli.Tests;

public class SettingsCommandTests
{
    [Theory]
    [InlineData("fiscal_year_start_month", "13", "month number 1-12")]
    [InlineData("gross_margin", "80", "between 0 and 1")]
    [InlineData("colour", "blue", "unknown setting")]
    public void SettingsSet_BadValue_ExitsWithTwoAndReason(string key, string value, string expected)
    {
        using var dir = new TempDirectory();

        var (code, _, stderr) = CliProcess.Run(dir.Path, "settings", "set", key, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsSet_FiscalYearStart_ShowsAndShiftsFiscalQuarters()
    {
        using var company = new KpiFixture();

        var (code, _, stderr) = CliProcess.Run(company.Path, "settings", "set", "fiscal_year_start_month", "7");
        var shown = CliProcess.Run(company.Path, "settings", "show", "--format", "json");
        var fiscal = CliProcess.Run(company.Path, "kpi", "leads", "--period", "FY2026-Q1", "--grain", "total", "--compare", "none", "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.Equal("7", JsonDocument.Parse(shown.Out).RootElement.GetProperty("fiscal_year_start_month").GetString());
        var result = JsonDocument.Parse(fiscal.Out).RootElement;
        Assert.Equal("2025-07-01", result.GetProperty("query").GetProperty("range").GetProperty("start").GetString()); // FY2026 starts July 2025
        Assert.Equal(3, result.GetProperty("rows")[0].GetProperty("total").GetDouble());
    }
}
