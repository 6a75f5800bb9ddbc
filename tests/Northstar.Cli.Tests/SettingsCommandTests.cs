using System.Text.Json;

namespace Northstar.Cli.Tests;

public class SettingsCommandTests
{
    [Theory]
    [InlineData("fiscal_year_start_month", "13", "month number 1-12")]
    [InlineData("gross_margin", "80", "between 0 and 1")]
    [InlineData("colour", "blue", "unknown setting")]
    [InlineData("tracking_events", "{\"Demo Requested\": \"demo\"}", "'Demo Requested' maps to \"demo\", not an event type")]
    [InlineData("tracking_events", "{\"\": \"form_submit\"}", "an entry has an empty track name")]
    [InlineData("tracking_events", "form_submit", "not valid JSON")]
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

    [Fact]
    public void SettingsSet_TrackingEvents_ShowsItAndTheMappingInUse()
    {
        using var company = new KpiFixture();
        const string mapping = "{\"Pizza Ordered\": \"meeting_booked\", \"Form Submitted\": \"custom\"}";

        var before = CliProcess.Run(company.Path, "settings", "show");
        var (code, stdout, stderr) = CliProcess.Run(company.Path, "settings", "set", "tracking_events", mapping);
        var json = CliProcess.Run(company.Path, "settings", "show", "--format", "json");
        var table = CliProcess.Run(company.Path, "settings", "show");

        Assert.True(code == 0, stderr);
        Assert.Contains("Set tracking_events", stdout, StringComparison.Ordinal);
        Assert.Contains("the 22 built-in names", before.Out, StringComparison.Ordinal); // not set: the defaults
        Assert.Equal(mapping, JsonDocument.Parse(json.Out).RootElement.GetProperty("tracking_events").GetString());
        // 22 built-in names; "Form Submitted" is one of them, "Pizza Ordered" is new: 23.
        Assert.Contains("23 names", table.Out, StringComparison.Ordinal);
    }
}
