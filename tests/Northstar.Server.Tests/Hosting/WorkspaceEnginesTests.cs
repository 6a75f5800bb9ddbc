using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;

namespace Northstar.Server.Tests.Hosting;

public sealed class WorkspaceEnginesTests : TinyEngines
{
    [Fact]
    public void For_SameSettings_KeepsTheEngine_NewCustomKpi_ReplacesIt()
    {
        var tiny = Store.FindWorkspace("tiny")!;
        var first = Engines.For(tiny);

        Assert.Same(first, Engines.For(tiny));
        Store.SaveCustomKpi(tiny, new KpiDefinition("spend_twice", "Spend twice", KpiUnit.Money, KpiDirection.Neutral, "spend + spend", []) { Formula = "spend + spend" });
        var second = Engines.For(tiny);
        Assert.NotSame(first, second);
        Assert.Equal(800, second.Run(new MetricQuery("spend_twice", September)).Rows[0].Total);
    }

    [Fact]
    public void Attribution_SamePeriod_IsKept_UntilFactsArrive()
    {
        var tiny = Store.FindWorkspace("tiny")!;
        var first = Engines.Attribution(tiny, September);

        Assert.Same(first, Engines.Attribution(tiny, September));
        Assert.NotSame(first, Engines.Attribution(tiny, new DateRange(September.Start, September.End.AddDays(1))));
        using (var sink = new StoreFactSink(Store, tiny))
        {
            sink.Add(new Spend { Date = new DateOnly(2025, 9, 20), Channel = "email", Kind = SpendKind.Media, Amount = 1m });
            sink.Complete();
        }

        Assert.NotSame(first, Engines.Attribution(tiny, September));
    }

    [Fact]
    public void LastDataDay_TinySpend_IsItsLastSpendDay() =>
        Assert.Equal(new DateOnly(2025, 9, 30), Engines.LastDataDay(Store.FindWorkspace("tiny")!, new DateOnly(2027, 2, 15)));
}
