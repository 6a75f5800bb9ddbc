using System.Text.Json;
using Northstar.Storage.Sqlite;

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

    [Fact]
    public void Migrate_ReplaceRunTwice_ImportLogHeldOnce()
    {
        EventCsv.Write(_dir.File("e.csv"), first: 0, count: 10);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "import", "events", "e.csv").ExitCode);

        var first = CliProcess.Run(_dir.Path, "migrate", "--from", "northstar.db", "--to", "copy.db");
        var again = CliProcess.Run(_dir.Path, "migrate", "--from", "northstar.db", "--to", "copy.db", "--replace");

        Assert.True(first.ExitCode == 0, first.Err);
        Assert.True(again.ExitCode == 0, again.Err);
        using var store = SqliteFactStore.Open(_dir.File("copy.db"));
        Assert.Equal(["e.csv"], store.ListImports(store.FindWorkspace("default")!).Select(e => e.FileName));
    }

    [Fact]
    public void Migrate_UserNamedInTargetWithAnotherPassword_KeepsTargetPasswordAndSaysSo()
    {
        EventCsv.Write(_dir.File("e.csv"), first: 0, count: 3);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "import", "events", "e.csv").ExitCode);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "users", "add", "ada", "--role", "editor").ExitCode);
        // The target knows ada (with a password of her own) from another workspace.
        Assert.Equal(0, CliProcess.Run(_dir.Path, "import", "events", "e.csv", "--db", "copy.db", "--workspace", "other").ExitCode);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "users", "add", "ada", "--role", "viewer", "--db", "copy.db", "--workspace", "other").ExitCode);
        string targetHash;
        using (var before = SqliteFactStore.Open(_dir.File("copy.db")))
        {
            targetHash = before.FindUser("ada")!.PasswordHash;
        }

        var (code, _, stderr) = CliProcess.Run(_dir.Path, "migrate", "--from", "northstar.db", "--to", "copy.db");

        Assert.True(code == 0, stderr);
        Assert.Contains("'ada'", stderr, StringComparison.Ordinal);
        Assert.Contains("keep", stderr, StringComparison.Ordinal);
        using var store = SqliteFactStore.Open(_dir.File("copy.db"));
        Assert.Equal(targetHash, store.FindUser("ada")!.PasswordHash);
    }

    [Fact]
    public void Migrate_PostgresSpeltTwoWaysWithReplace_RefusedBeforeOpening()
    {
        // Nothing listens there: the refusal comes before any connection (a copy would clear the source).
        var (code, _, stderr) = CliProcess.Run(
            _dir.Path, "migrate", "--from", "postgres:Host=127.0.0.1;Port=1;Database=ns;Username=u", "--to", "postgres:username=u;database=ns;port=1;host=127.0.0.1;Password=x", "--replace");

        Assert.Equal(2, code);
        Assert.Contains("same store", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_AllWorkspacesOfAnEmptyStore_SaysThereIsNothingToCopy()
    {
        SqliteFactStore.Open(_dir.File("empty.db")).Dispose();

        var (code, _, stderr) = CliProcess.Run(_dir.Path, "migrate", "--from", "empty.db", "--to", "copy.db", "--all-workspaces");

        Assert.Equal(1, code);
        Assert.Contains("holds no workspace", stderr, StringComparison.Ordinal);
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
