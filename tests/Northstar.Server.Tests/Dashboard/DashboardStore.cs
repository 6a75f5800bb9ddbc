using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Storage.Sqlite;

namespace Northstar.Server.Tests.Dashboard;

/// <summary>
/// The dashboard tests' store: workspace "demo" with a small demo company (300 contacts, 2025-2026,
/// seed 7), workspace "tiny" with three months of hand-written spend, and workspace "other"
/// holding one spend, for the cross-workspace checks.
/// </summary>
public static class DashboardStore
{
    /// <summary>Today for the tests: after the demo's last simulated day (2026-12-31).</summary>
    public static readonly DateTimeOffset Now = new(2027, 2, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Tiny's spend, media: 2025-07: 100; 2025-08: 50 + 25 = 75; 2025-09: 100 + 250.50 + 49.50 = 400.</summary>
    public static IReadOnlyList<Spend> TinySpend { get; } =
    [
        Media(2025, 7, 3, "paid_search", 100m),
        Media(2025, 8, 1, "paid_search", 50m),
        Media(2025, 8, 31, "paid_social", 25m),
        Media(2025, 9, 1, "paid_search", 100m),
        Media(2025, 9, 15, "paid_social", 250.50m),
        Media(2025, 9, 30, "display", 49.50m),
    ];

    /// <summary>Tiny's one import: a spend file with one bad row whose cell reads as a formula.</summary>
    public static ImportLogEntry TinyImport { get; } = new(
        0, "spend", "spend.csv", "ada", new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 10, 1, 9, 0, 1, TimeSpan.Zero),
        7, 6, 1, ImportLogEntry.ImportedWithRejects, 1, [new ImportError("spend.csv", 4, "amount", "@SUM(A1:A9) is not an amount")]);

    /// <summary>Writes the three workspaces into a new store file.</summary>
    public static void Write(string path, bool demo = true)
    {
        using var store = SqliteFactStore.Open(path);
        if (demo)
        {
            var workspace = store.GetOrCreateWorkspace("demo");
            using var sink = new StoreFactSink(store, workspace);
            DemoCompany.Run(new SimulationOptions { Seed = 7, Contacts = 300, Years = 2, Start = new DateOnly(2025, 1, 1) }, sink);
        }

        Add(store, "tiny", TinySpend);
        ((IImportLog)store).RecordImport(store.FindWorkspace("tiny")!, TinyImport);
        Add(store, "other", [Media(2025, 9, 2, "email", 7m)]);
    }

    private static void Add(SqliteFactStore store, string name, IReadOnlyList<Spend> spend)
    {
        var workspace = store.GetOrCreateWorkspace(name);
        using var sink = new StoreFactSink(store, workspace);
        foreach (var s in spend)
        {
            sink.Add(s);
        }

        sink.Complete();
    }

    private static Spend Media(int year, int month, int day, string channel, decimal amount) =>
        new() { Date = new DateOnly(year, month, day), Channel = channel, Campaign = channel + "-always-on", Kind = SpendKind.Media, Amount = amount };
}
