using System.Text.Json;
using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Core.Storage;
using Northstar.Storage.Sqlite;

namespace Northstar.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Demo_SmallCompany_StoreHoldsWhatTheSummaryCounted()
    {
        using var dir = new TempDirectory();

        var (code, stdout, stderr) = CliProcess.Run(dir.Path, "demo", "--contacts", "300", "--years", "1", "--format", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var reported = json.RootElement.GetProperty("facts");
        using var store = SqliteFactStore.Open(dir.File("northstar.db"));
        var summary = store.Summarize(store.FindWorkspace("default")!);
        foreach (var kind in summary.Kinds)
        {
            var name = SnakeCaseNames<FactKind>.Name(kind.Kind);
            Assert.Equal(reported.GetProperty(name).GetInt64(), kind.Count);
        }

        Assert.True(summary.Kinds.Single(k => k.Kind == FactKind.Events).Count > 10_000);
        Assert.True(File.Exists(dir.File("northstar.ground_truth.json")));
    }

    [Fact]
    public void Demo_FunnelByQuarter_MatchesStageChangesInTheStore()
    {
        using var dir = new TempDirectory();

        var (code, stdout, stderr) = CliProcess.Run(dir.Path, "demo", "--contacts", "300", "--years", "1", "--format", "json");

        Assert.True(code == 0, stderr);
        using var store = SqliteFactStore.Open(dir.File("northstar.db"));
        var stages = store.Read<StageChange>(store.FindWorkspace("default")!).ToList();
        using var json = JsonDocument.Parse(stdout);
        var funnel = json.RootElement.GetProperty("funnel_by_quarter");
        var q1Leads = stages.Count(s => s.Stage == Stage.Lead && s.EnteredAt.UtcDateTime.Month <= 3);
        Assert.Equal(q1Leads, funnel.GetProperty("2025-Q1").GetProperty("lead").GetInt64());
        var total = funnel.EnumerateObject().Sum(q => q.Value.EnumerateObject().Sum(s => s.Value.GetInt64()));
        Assert.Equal(stages.Count, total);
    }

    [Fact]
    public void Demo_TwoWorkspacesInOneDatabase_EachKeepsItsOwnGroundTruth()
    {
        using var dir = new TempDirectory();

        Assert.Equal(0, CliProcess.Run(dir.Path, "demo", "--contacts", "100", "--years", "1", "--seed", "1").ExitCode);
        Assert.Equal(0, CliProcess.Run(dir.Path, "demo", "--contacts", "100", "--years", "1", "--seed", "2", "--workspace", "other").ExitCode);

        Assert.Contains("\"seed\": 1", File.ReadAllText(dir.File("northstar.ground_truth.json")), StringComparison.Ordinal);
        Assert.Contains("\"seed\": 2", File.ReadAllText(dir.File("northstar.other.ground_truth.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_WorkspaceAlreadyHoldsFacts_RefusesAndChangesNothing()
    {
        using var dir = new TempDirectory();
        EventCsv.Write(dir.File("e.csv"), first: 0, count: 10);
        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "events", "e.csv").ExitCode);

        var (code, _, stderr) = CliProcess.Run(dir.Path, "demo", "--contacts", "100", "--years", "1");

        Assert.Equal(1, code);
        Assert.Contains("already holds facts", stderr, StringComparison.Ordinal);
        using var store = SqliteFactStore.Open(dir.File("northstar.db"));
        Assert.Equal(10, store.Summarize(store.FindWorkspace("default")!).Kinds.Sum(k => k.Count));
    }

    [Fact]
    public void Demo_Replace_DeletesTheOldFactsAndWritesTheNewCompany()
    {
        using var dir = new TempDirectory();
        EventCsv.Write(dir.File("e.csv"), first: 0, count: 10);
        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "events", "e.csv").ExitCode);

        var (code, stdout, stderr) = CliProcess.Run(dir.Path, "demo", "--contacts", "100", "--years", "1", "--replace", "--format", "json");

        Assert.True(code == 0, stderr);
        using var store = SqliteFactStore.Open(dir.File("northstar.db"));
        var events = store.Read<EventFact>(store.FindWorkspace("default")!).ToList();
        Assert.DoesNotContain(events, e => e.Id == "e0");
        Assert.Equal(JsonDocument.Parse(stdout).RootElement.GetProperty("facts").GetProperty("events").GetInt64(), events.Count);
    }

    [Fact]
    public void Demo_CsvThenImportEveryKind_StoreEqualsDemoStraightIntoTheStore()
    {
        // The same company twice: straight into a store, and through canonical CSV + import.
        using var dir = new TempDirectory();
        string[] size = ["--contacts", "1000", "--years", "1", "--seed", "7"];
        Assert.Equal(0, CliProcess.Run(dir.Path, ["demo", "--db", "direct.db", .. size]).ExitCode);
        Assert.Equal(0, CliProcess.Run(dir.Path, ["demo", "--csv", "csv", .. size]).ExitCode);

        foreach (var kind in Enum.GetValues<FactKind>())
        {
            var file = Path.Combine("csv", CanonicalLayout.FileName(kind));
            var result = CliProcess.Run(dir.Path, "import", ImportFormats.Name(ImportFormats.Of(kind)), file, "--db", "imported.db");
            Assert.True(result.ExitCode == 0, $"{kind}: {result.Err}");
        }

        using var direct = SqliteFactStore.Open(dir.File("direct.db"));
        using var imported = SqliteFactStore.Open(dir.File("imported.db"));
        AssertSameFacts<EventFact>(direct, imported);
        AssertSameFacts<Contact>(direct, imported);
        AssertSameFacts<StageChange>(direct, imported);
        AssertSameFacts<Account>(direct, imported);
        AssertSameFacts<Deal>(direct, imported);
        AssertSameFacts<Spend>(direct, imported);
        AssertSameFacts<Subscription>(direct, imported);
        AssertSameFacts<SurveyAnswer>(direct, imported);
        AssertSameFacts<SeriesPoint>(direct, imported);
        AssertSameFacts<Activity>(direct, imported);
    }

    private static void AssertSameFacts<TFact>(IFactStore a, IFactStore b)
        where TFact : class, IFact
    {
        var left = a.Read<TFact>(a.FindWorkspace("default")!).OrderBy(f => f.NaturalKey, StringComparer.Ordinal).ToList();
        var right = b.Read<TFact>(b.FindWorkspace("default")!).OrderBy(f => f.NaturalKey, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(left);
        Assert.Equal(left.Count, right.Count);
        for (var i = 0; i < left.Count; i++)
        {
            Assert.Equal(left[i], right[i]);
        }
    }
}
