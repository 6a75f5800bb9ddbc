using System.Text.Json;

namespace Northstar.Cli.Tests;

public class FactsAndChannelsCommandTests
{
    [Fact]
    public void Facts_NoDatabase_ExplainsWhatToRunFirst()
    {
        using var dir = new TempDirectory();

        var (code, _, stderr) = CliProcess.Run(dir.Path, "facts");

        Assert.Equal(1, code);
        Assert.Contains("northstar demo", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("northstar.db")));
    }

    [Fact]
    public void Facts_AfterImport_ShowsCountAndDateRange()
    {
        using var dir = new TempDirectory();
        EventCsv.Write(dir.File("e.csv"), first: 0, count: 86_401); // one a second: 2025-01-01 00:00:00 to 2025-01-02 00:00:00
        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "events", "e.csv").ExitCode);

        var (code, stdout, _) = CliProcess.Run(dir.Path, "facts", "--format", "json");

        Assert.Equal(0, code);
        var events = JsonDocument.Parse(stdout).RootElement.GetProperty("kinds")[0];
        Assert.Equal("events", events.GetProperty("kind").GetString());
        Assert.Equal(86_401, events.GetProperty("count").GetInt64());
        Assert.Equal(EventCsv.Start, events.GetProperty("first").GetDateTimeOffset());
        Assert.Equal(EventCsv.Start.AddDays(1), events.GetProperty("last").GetDateTimeOffset());
    }

    [Fact]
    public void Channels_SetRulesThenImport_RuleWinsOverDefaultGrouping()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("rules.json"), """[{"channel": "partners", "source": "^acme$"}]""");
        Assert.Equal(0, CliProcess.Run(dir.Path, "channels", "set", "--file", "rules.json").ExitCode);

        var ruled = CliProcess.Run(dir.Path, "channels", "classify", "--source", "acme", "--medium", "referral");
        var defaulted = CliProcess.Run(dir.Path, "channels", "classify", "--source", "google", "--medium", "cpc");

        Assert.Equal("partners", ruled.Out.Trim());
        Assert.Equal("paid_search", defaulted.Out.Trim());
    }

    [Fact]
    public void Channels_SetInvalidRegex_ReportsRuleAndFieldAndKeepsOldRules()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("good.json"), """[{"channel": "partners", "source": "^acme$"}]""");
        File.WriteAllText(dir.File("bad.json"), """[{"channel": "x", "medium": "("}]""");
        Assert.Equal(0, CliProcess.Run(dir.Path, "channels", "set", "--file", "good.json").ExitCode);

        var (code, _, stderr) = CliProcess.Run(dir.Path, "channels", "set", "--file", "bad.json");

        Assert.Equal(1, code);
        Assert.Contains("medium", stderr, StringComparison.Ordinal);
        var shown = CliProcess.Run(dir.Path, "channels", "show", "--format", "json");
        Assert.Contains("partners", shown.Out, StringComparison.Ordinal);
    }
}
