using System.Diagnostics;
using Northstar.Core.Facts;
using Northstar.Storage.Sqlite;

namespace Northstar.Cli.Tests;

public class ImportKillTests
{
    [Fact]
    public void Import_KilledWithSigkillMidFile_StoreHoldsExactlyWhatItHeldBefore()
    {
        // Arrange: a store with 1,000 events, then a large file that changes those 1,000 and adds more.
        using var dir = new TempDirectory();
        var db = dir.File("northstar.db");
        EventCsv.Write(dir.File("first.csv"), first: 0, count: 1_000);
        var first = CliProcess.Run(dir.Path, "import", "events", "first.csv", "--db", db);
        Assert.True(first.ExitCode == 0, first.Err);
        var before = Snapshot(db);
        Assert.Equal(1_000, before.Count);
        EventCsv.Write(dir.File("big.csv"), first: 0, count: 3_000_000, variant: "changed");

        // Act: kill -9 once the import reports progress past 10% of the file.
        using var process = Process.Start(CliProcess.StartInfo(dir.Path, "import", "events", "big.csv", "--db", db))!;
        _ = process.StandardOutput.ReadToEndAsync();
        var killed = false;
        var seen = new List<string>();
        while (process.StandardError.ReadLine() is { } line)
        {
            seen.Add(line);
            if (ProgressPercent(line) is >= 10 and < 90)
            {
                process.Kill();
                killed = true;
                break;
            }
        }

        process.WaitForExit();

        // Assert
        Assert.True(killed, "the import ended before it could be killed:\n" + string.Join('\n', seen.TakeLast(10)));
        Assert.Equal(137, process.ExitCode);
        var after = Snapshot(db);
        Assert.Equal(before, after);
    }

    private static int? ProgressPercent(string line)
    {
        // The import command prints "big.csv: 1,234,567 rows (41%)" to stderr when not on a terminal.
        var open = line.LastIndexOf('(');
        var close = line.LastIndexOf("%)", StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(line.AsSpan(open + 1, close - open - 1), out var pct) ? pct : null;
    }

    private static List<EventFact> Snapshot(string db)
    {
        using var store = SqliteFactStore.Open(db);
        var workspace = store.FindWorkspace("default")!;
        return [.. store.Read<EventFact>(workspace).OrderBy(e => e.Id, StringComparer.Ordinal)];
    }
}
