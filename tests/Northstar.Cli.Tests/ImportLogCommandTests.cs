using Northstar.Core.Import;
using Northstar.Storage.Sqlite;

namespace Northstar.Cli.Tests;

/// <summary>The CLI's import records each file in the import log, as the dashboard and the API list it.</summary>
public class ImportLogCommandTests
{
    [Fact]
    public void Import_TwoFiles_RecordsEachWithItsOutcomeNewestFirst()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("good.csv"), "id,timestamp,type\ne1,2025-01-01T10:00:00Z,session_start\n");
        File.WriteAllText(dir.File("bad.csv"), "id,timestamp,type\ne2,2025-13-01T10:00:00Z,session_start\ne3,2025-01-02T10:00:00Z,session_start\n");

        var (code, _, _) = CliProcess.Run(dir.Path, "import", "events", "good.csv", "bad.csv");

        Assert.Equal(1, code); // bad.csv was refused
        using var store = SqliteFactStore.Open(dir.File("northstar.db"));
        var log = store.ListImports(store.FindWorkspace("default")!);
        Assert.Equal(["bad.csv", "good.csv"], log.Select(e => e.FileName));
        Assert.Equal((ImportLogEntry.Refused, 2L, 0L, 1L), (log[0].Outcome, log[0].RowsRead, log[0].RowsImported, log[0].RowsRejected));
        Assert.Equal((2, "timestamp"), (log[0].Errors.Single().Line, log[0].Errors.Single().Column));
        Assert.Equal((ImportLogEntry.Imported, 1L, 1L), (log[1].Outcome, log[1].RowsRead, log[1].RowsImported));
        Assert.All(log, e => Assert.Equal("events", e.Kind));
    }
}
