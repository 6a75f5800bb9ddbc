using System.Text.Json;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite;

namespace Northstar.Cli.Tests;

public class ImportCommandTests
{
    private const string BadEvents =
        "id,timestamp,type,source,medium\n" +
        "e1,2025-01-01T10:00:00Z,session_start,google,cpc\n" +
        "e2,2025-13-01,session_start,google,organic\n" +
        "e3,2025-01-02,page_vieww,,\n";

    [Fact]
    public void Import_FileWithBadRows_ExitsOneListsEveryErrorAndStoresNothing()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.csv"), BadEvents);

        var (code, _, stderr) = CliProcess.Run(dir.Path, "import", "events", "bad.csv");

        Assert.Equal(1, code);
        Assert.Contains("bad.csv:3: column 'timestamp': '2025-13-01'", stderr, StringComparison.Ordinal);
        Assert.Contains("bad.csv:4: column 'type': 'page_vieww'", stderr, StringComparison.Ordinal);
        Assert.Equal(0, EventCount(dir.File("northstar.db")));
    }

    [Fact]
    public void Import_SkipBadRows_StoresGoodRowsAndWritesRejects()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.csv"), BadEvents);

        var (code, stdout, stderr) = CliProcess.Run(dir.Path, "import", "events", "bad.csv", "--skip-bad-rows", "--rejects", "rejects.csv", "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.Equal(1, EventCount(dir.File("northstar.db")));
        var result = JsonDocument.Parse(stdout).RootElement[0];
        Assert.Equal(3, result.GetProperty("rows_read").GetInt64());
        Assert.Equal(1, result.GetProperty("rows_stored").GetInt64());
        Assert.Equal(2, result.GetProperty("rows_rejected").GetInt64());
        var rejects = File.ReadAllLines(dir.File("rejects.csv"));
        Assert.Equal(3, rejects.Length);
        Assert.Contains("2025-13-01", rejects[1], StringComparison.Ordinal);
        Assert.Contains("page_vieww", rejects[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SameFileTwice_SecondImportAddsNothing()
    {
        using var dir = new TempDirectory();
        EventCsv.Write(dir.File("e.csv"), first: 0, count: 500);

        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "events", "e.csv").ExitCode);
        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "events", "e.csv").ExitCode);

        Assert.Equal(500, EventCount(dir.File("northstar.db")));
    }

    [Fact]
    public void Import_UnknownKind_ExitsWithUsageError()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("x.csv"), "a\n1\n");

        var (code, _, stderr) = CliProcess.Run(dir.Path, "import", "widgets", "x.csv");

        Assert.NotEqual(0, code);
        Assert.Contains("widgets", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TwoWorkspaces_EachSeesOnlyItsOwnFacts()
    {
        using var dir = new TempDirectory();
        EventCsv.Write(dir.File("a.csv"), first: 0, count: 30);
        EventCsv.Write(dir.File("b.csv"), first: 0, count: 20);

        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "events", "a.csv", "--workspace", "acme").ExitCode);
        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "events", "b.csv", "--workspace", "globex").ExitCode);
        var (code, stdout, _) = CliProcess.Run(dir.Path, "facts", "--workspace", "globex", "--format", "json");

        Assert.Equal(0, code);
        var events = JsonDocument.Parse(stdout).RootElement.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "events");
        Assert.Equal(20, events.GetProperty("count").GetInt64());
    }

    [Fact]
    public void Import_TimeZoneOption_ReadsOffsetlessTimestampsInThatZone()
    {
        using var dir = new TempDirectory();
        // 10:00 in Berlin: UTC+1 in January, UTC+2 in July.
        File.WriteAllText(dir.File("e.csv"), "id,timestamp,type\nw,2025-01-15T10:00:00,page_view\ns,2025-07-15T10:00:00,page_view\nz,2025-07-15T10:00:00Z,page_view\n");

        var (code, _, stderr) = CliProcess.Run(dir.Path, "import", "events", "e.csv", "--time-zone", "Europe/Berlin");

        Assert.True(code == 0, stderr);
        using var store = SqliteFactStore.Open(dir.File("northstar.db"));
        var byId = store.Read<EventFact>(store.FindWorkspace("default")!).ToDictionary(e => e.Id, e => e.Timestamp);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero), byId["w"]);
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 8, 0, 0, TimeSpan.Zero), byId["s"]);
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 10, 0, 0, TimeSpan.Zero), byId["z"]);
    }

    private static long EventCount(string db)
    {
        using var store = SqliteFactStore.Open(db);
        var workspace = store.FindWorkspace("default");
        return workspace is null ? 0 : store.Summarize(workspace).Kinds.Single(k => k.Kind == FactKind.Events).Count;
    }
}
