using Northstar.Core.Diagnostics;
using Northstar.Core.Planning;
using Northstar.Core.Tests.Metrics.Kpis;

namespace Northstar.Core.Tests.Diagnostics;

public class FocusAreasTests
{
    [Fact]
    public void KpisToWatch_EveryId_IsInTheCatalogue()
    {
        using var world = new KpiWorld();
        var engine = world.Engine();

        var unknown = FocusAreas.All.SelectMany(f => f.KpisToWatch.Select(k => $"{f.Id}: {k}")).Where(k => engine.Find(k.Split(": ")[1]) is null).ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void For_EachStep_HasItsOwnArea()
    {
        var areas = FunnelSteps.All.Select(s => FocusAreas.For(s).Id).ToList();

        Assert.Equal(
            ["awareness", "conversion_rate_optimisation", "form_and_qualification_strategy", "lead_nurturing", "bottom_of_funnel_friction", "sales_enablement"],
            areas);
    }
}
