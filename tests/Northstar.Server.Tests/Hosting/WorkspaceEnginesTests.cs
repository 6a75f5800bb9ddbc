using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Server.Hosting;
using Northstar.Server.Tests.Dashboard;
using Northstar.Storage.Sqlite;
using Northstar.Testing;

namespace Northstar.Server.Tests.Hosting;

public sealed class WorkspaceEnginesTests : IDisposable
{
    private static readonly DateRange September = new(new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 1));

    private readonly TempDirectory _dir = new();
    private readonly SqliteFactStore _store;
    private readonly WorkspaceEngines _engines;

    public WorkspaceEnginesTests()
    {
        var path = _dir.File("tiny.db");
        DashboardStore.Write(path, demo: false);
        _store = SqliteFactStore.Open(path);
        _engines = new WorkspaceEngines(_store, _store, new ManualClock(DashboardStore.Now));
    }

    [Fact]
    public void For_SameSettings_KeepsTheEngine_NewCustomKpi_ReplacesIt()
    {
        var tiny = _store.FindWorkspace("tiny")!;
        var first = _engines.For(tiny);

        Assert.Same(first, _engines.For(tiny));
        _store.SaveCustomKpi(tiny, new KpiDefinition("spend_twice", "Spend twice", KpiUnit.Money, KpiDirection.Neutral, "spend + spend", []) { Formula = "spend + spend" });
        var second = _engines.For(tiny);
        Assert.NotSame(first, second);
        Assert.Equal(800, second.Run(new MetricQuery("spend_twice", September)).Rows[0].Total);
    }

    [Fact]
    public void Attribution_SamePeriod_IsKept_UntilFactsArrive()
    {
        var tiny = _store.FindWorkspace("tiny")!;
        var first = _engines.Attribution(tiny, September);

        Assert.Same(first, _engines.Attribution(tiny, September));
        Assert.NotSame(first, _engines.Attribution(tiny, new DateRange(September.Start, September.End.AddDays(1))));
        using (var sink = new StoreFactSink(_store, tiny))
        {
            sink.Add(new Spend { Date = new DateOnly(2025, 9, 20), Channel = "email", Kind = SpendKind.Media, Amount = 1m });
            sink.Complete();
        }

        Assert.NotSame(first, _engines.Attribution(tiny, September));
    }

    [Fact]
    public void LastDataDay_TinySpend_IsItsLastSpendDay() =>
        Assert.Equal(new DateOnly(2025, 9, 30), _engines.LastDataDay(_store.FindWorkspace("tiny")!, new DateOnly(2027, 2, 15)));

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}
