using Northstar.Core.Import;
using Northstar.Storage.Sqlite;

namespace Northstar.Server.Tests.Api;

/// <summary>The SQLite import log on a real file: order, limit, the error cap, workspaces apart.</summary>
public sealed class ImportLogStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 15, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Record_ThenList_RoundTripsNewestFirstAndKeepsWorkspacesApart()
    {
        using var dir = new TempDirectory();
        using var store = SqliteFactStore.Open(dir.File("log.db"));
        var acme = store.GetOrCreateWorkspace("acme");
        var other = store.GetOrCreateWorkspace("other");
        var first = Entry("a.csv", ImportLogEntry.Imported, [], 0);
        var error = new ImportError("b.csv", 7, "amount", "'ten' is not a number");

        var firstId = store.RecordImport(acme, first);
        var secondId = store.RecordImport(acme, Entry("b.csv", ImportLogEntry.Refused, [error], 1));
        store.RecordImport(other, Entry("c.csv", ImportLogEntry.Imported, [], 0));

        var log = store.ListImports(acme);
        Assert.Equal([secondId, firstId], log.Select(e => e.Id));
        Assert.Equal(first with { Id = firstId, Errors = log[1].Errors }, log[1]);
        Assert.Empty(log[1].Errors);
        Assert.Equal(error, log[0].Errors.Single());
        Assert.Equal(Start.AddSeconds(2), log[0].FinishedAt);
        Assert.Equal("c.csv", store.ListImports(other).Single().FileName);
        Assert.Equal([secondId], store.ListImports(acme, limit: 1).Select(e => e.Id));
    }

    [Fact]
    public void Record_MoreErrorsThanTheCap_KeepsTheFirstThousandAndTheCount()
    {
        using var dir = new TempDirectory();
        using var store = SqliteFactStore.Open(dir.File("log.db"));
        var acme = store.GetOrCreateWorkspace("acme");
        var errors = Enumerable.Range(2, 1500).Select(line => new ImportError("big.csv", line, "timestamp", "not a date")).ToList();

        store.RecordImport(acme, Entry("big.csv", ImportLogEntry.Refused, errors, 1500));

        var entry = store.ListImports(acme).Single();
        Assert.Equal(1000, entry.Errors.Count);
        Assert.Equal(1500, entry.ErrorCount);
        Assert.Equal(1001, entry.Errors[^1].Line); // lines 2..1001 kept, in order
    }

    private static ImportLogEntry Entry(string file, string outcome, IReadOnlyList<ImportError> errors, long errorCount) =>
        new(0, "spend", file, "edith", Start, Start.AddSeconds(2), 10, outcome == ImportLogEntry.Refused ? 0 : 10, errorCount > 0 ? 1 : 0, outcome, errorCount, errors);
}
