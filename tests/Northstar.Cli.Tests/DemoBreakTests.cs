using System.Text.Json;

namespace Northstar.Cli.Tests;

public class DemoBreakTests
{
    [Fact]
    public void Demo_BreakAndTraffic_GroundTruthRecordsTheShocks()
    {
        using var dir = new TempDirectory();

        var (code, _, stderr) = CliProcess.Run(
            dir.Path, "demo", "--contacts", "200", "--years", "1", "--format", "json",
            "--break", "mql_to_sql=0.5@2025-07-01", "--break", "opportunity_to_customer=0.25@2025-09-01:email",
            "--traffic", "0.5@2025-03-01..2025-04-01:paid_search");

        Assert.True(code == 0, stderr);
        using var truth = JsonDocument.Parse(File.ReadAllText(dir.File("northstar.ground_truth.json")));
        var options = truth.RootElement.GetProperty("options");
        var stages = options.GetProperty("stage_shocks").EnumerateArray().ToList();
        Assert.Equal(2, stages.Count);
        Assert.Equal("2025-07-01", stages[0].GetProperty("from").GetString());
        Assert.Equal("sql", stages[0].GetProperty("stage").GetString()); // MQL -> SAL -> SQL broken at its last step
        Assert.Equal(0.5, stages[0].GetProperty("multiplier").GetDouble());
        Assert.Equal("customer", stages[1].GetProperty("stage").GetString());
        Assert.Equal("email", stages[1].GetProperty("channel").GetString());
        var traffic = options.GetProperty("traffic_shocks").EnumerateArray().Single();
        Assert.Equal(0.5, traffic.GetProperty("multiplier").GetDouble());
        Assert.Equal("paid_search", traffic.GetProperty("channel").GetString());
        Assert.Equal("2025-04-01", traffic.GetProperty("until").GetString());
    }

    [Theory]
    [InlineData("--break", "mql_to_nowhere=0.5@2025-07-01", "'mql_to_nowhere' is not a stage")]
    [InlineData("--break", "mql_to_sql=half@2025-07-01", "'half' is not a multiplier")]
    [InlineData("--break", "mql_to_sql=0.5@2025-13-01", "is not a start day")]
    [InlineData("--traffic", "0.5@2025-07-01:tv", "'tv' is not a demo channel")]
    public void Demo_BadBreak_ExitsTwoAndSaysWhy(string option, string value, string expected)
    {
        using var dir = new TempDirectory();

        var (code, _, stderr) = CliProcess.Run(dir.Path, "demo", "--contacts", "100", "--years", "1", option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("northstar.ground_truth.json")));
    }
}
