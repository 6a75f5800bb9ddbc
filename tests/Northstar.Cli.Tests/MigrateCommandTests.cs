using System.Text.Json;

namespace Northstar.Cli.Tests;

/// <summary>
/// <c>northstar migrate</c> between two real SQLite files (the PostgreSQL and ClickHouse targets
/// are exercised by their backends' test projects through the same copy).
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Migrate_SqliteToSqlite_CopiesFactsAndRecordsAndVerifiesCounts()
    {
        EventCsv.Write(_dir.File("e.csv"), first: 0, count: 1_000);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "import", "events", "e.csv").ExitCode);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "settings", "set", "fiscal_year_start_month", "7").ExitCode);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "kpi", "define", "x_leads", "--formula", "leads", "--name", "X", "--unit", "count", "--direction", "up").ExitCode);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "users", "add", "ada", "--role", "editor").ExitCode);

        var (code, stdout, stderr) = CliProcess.Run(_dir.Path, "migrate", "--from", "northstar.db", "--to", "sqlite:copy.db", "--format", "json");

        Assert.True(code == 0, stderr);
        var copy = JsonDocument.Parse(stdout).RootElement[0];
        Assert.True(copy.GetProperty("verified").GetBoolean());
        var events = copy.GetProperty("kinds")[0];
        Assert.Equal("events", events.GetProperty("kind").GetString());
        Assert.Equal(1_000, events.GetProperty("source").GetInt64());
        Assert.Equal(1_000, events.GetProperty("target").GetInt64());
        var records = copy.GetProperty("records");
        Assert.Equal(1, records.GetProperty("custom_kpis").GetInt32());
        Assert.Equal(1, records.GetProperty("settings").GetInt32());
        Assert.Equal(1, records.GetProperty("members").GetInt32());
        Assert.Equal(1, records.GetProperty("imports").GetInt32());
        // The copy answers as the original: the same facts (count and range), settings and users.
        Assert.Equal(Facts("northstar.db"), Facts("copy.db"));
        Assert.Contains("\"fiscal_year_start_month\"", CliProcess.Run(_dir.Path, "settings", "show", "--db", "copy.db", "--format", "json").Out, StringComparison.Ordinal);
        Assert.Contains("ada", CliProcess.Run(_dir.Path, "users", "list", "--db", "copy.db").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_TargetAlreadyHoldsFacts_RefusesUnlessReplace()
    {
        EventCsv.Write(_dir.File("e.csv"), first: 0, count: 10);
        EventCsv.Write(_dir.File("other.csv"), first: 100, count: 3);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "import", "events", "e.csv").ExitCode);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "import", "events", "other.csv", "--db", "copy.db").ExitCode);

        var refused = CliProcess.Run(_dir.Path, "migrate", "--from", "northstar.db", "--to", "copy.db");
        var replaced = CliProcess.Run(_dir.Path, "migrate", "--from", "northstar.db", "--to", "copy.db", "--replace", "--format", "json");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--replace", refused.Err, StringComparison.Ordinal);
        Assert.Equal(0, replaced.ExitCode);
        // The three rows of other.csv are gone: the target holds exactly the source's ten.
        Assert.Equal(10, JsonDocument.Parse(replaced.Out).RootElement[0].GetProperty("kinds")[0].GetProperty("target").GetInt64());
        Assert.Equal(Facts("northstar.db"), Facts("copy.db"));
    }

    [Fact]
    public void Migrate_SameStoreOrMissingSource_ExplainsAndCopiesNothing()
    {
        var same = CliProcess.Run(_dir.Path, "migrate", "--from", "northstar.db", "--to", "sqlite:./northstar.db");
        var missing = CliProcess.Run(_dir.Path, "migrate", "--from", "nothing.db", "--to", "copy.db");

        Assert.Equal(2, same.ExitCode);
        Assert.Contains("same store", same.Err, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nothing.db", missing.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("copy.db")));
    }

    public void Dispose() => _dir.Dispose();

    private string Facts(string db)
    {
        var (code, stdout, stderr) = CliProcess.Run(_dir.Path, "facts", "--db", db, "--format", "json");
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.GetProperty("kinds").GetRawText();
    }
}
