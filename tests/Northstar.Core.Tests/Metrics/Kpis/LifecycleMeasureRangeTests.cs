using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>
/// Lifecycle measures find the contacts of a range by local day from a list sorted once per
/// engine context: the range's first day counts, its end day does not, whatever ranges were asked before.
/// </summary>
public class LifecycleMeasureRangeTests
{
    [Fact]
    public void Leads_ByMonthWithEntriesOnTheBoundaries_EachCountedInItsOwnMonth()
    {
        using var world = LeadsWorld();

        var result = world.Engine().Run(new MetricQuery("leads", KpiWorld.Days(1, 60), Grain.Month) { By = Dimensions.Channel });

        // January: c1 (1 Jan 00:00), c2 (31 Jan 23:00), c3 (31 Jan); February: c4 (1 Feb 00:00), c5 (28 Feb); c6 (1 Mar) is after the range.
        var email = result.Rows.Single(r => r.Group == "email");
        var direct = result.Rows.Single(r => r.Group == "direct");
        Assert.Equal(new double?[] { 2, 1 }, email.Values);
        Assert.Equal(new double?[] { 1, 1 }, direct.Values);
        Assert.Equal(((double?)3, (double?)2), (email.Total, direct.Total));
        Assert.Equal(new double?[] { 3, 2 }, result.Overall!.Values);
    }

    [Fact]
    public void Leads_SameEngineAskedForOtherRanges_SameCountsAsANewEngine()
    {
        using var world = LeadsWorld();
        var engine = world.Engine();
        engine.Run(new MetricQuery("leads", KpiWorld.Days(1, 60), Grain.Month));

        var narrow = engine.Run(new MetricQuery("leads", KpiWorld.Days(31, 33)));
        var empty = engine.Run(new MetricQuery("leads", KpiWorld.Days(2, 31)));
        var wide = engine.Run(new MetricQuery("leads", KpiWorld.Days(-10, 100)));

        // 31 Jan and 1 Feb: c2, c3, c4. 2-30 Jan: nobody. Everything: all six.
        Assert.Equal(((double?)3, (double?)0, (double?)6), (narrow.Rows.Single().Total, empty.Rows.Single().Total, wide.Rows.Single().Total));
    }

    [Fact]
    public void Leads_OneContactCenturiesAway_StillCountedByDay()
    {
        using var world = LeadsWorld();
        world.Add([new StageChangeBuilder("c7").Stage(Stage.Lead).EnteredAt(new DateTimeOffset(2400, 1, 1, 0, 0, 0, TimeSpan.Zero)).Build()]);

        var result = world.Engine().Run(new MetricQuery("leads", KpiWorld.Days(1, 60), Grain.Month));

        // The same five leads in January and February as without c7 (far outside the range).
        Assert.Equal(new double?[] { 3, 2 }, result.Rows.Single().Values);
    }

    [Fact]
    public void Leads_FilteredToOneChannel_CountsFromTheUnsummedRowsAgreeWithTheGroup()
    {
        using var world = LeadsWorld();

        // A filter reads the per-contact-values rows; the grouped query above the per-value sums.
        var result = world.Engine().Run(new MetricQuery("leads", KpiWorld.Days(1, 60), Grain.Month) { Filters = [new Filter(Dimensions.Channel, ["email"])] });

        // Email leads: c1 and c2 in January, c4 in February (c6 on 1 March is after the range).
        Assert.Equal(new double?[] { 2, 1 }, result.Rows.Single().Values);
    }

    private static KpiWorld LeadsWorld()
    {
        var world = new KpiWorld();
        world.Add(
        [
            new ContactBuilder("c1").Channel("email").Build(),
            new ContactBuilder("c2").Channel("email").Build(),
            new ContactBuilder("c3").Channel("direct").Build(),
            new ContactBuilder("c4").Channel("email").Build(),
            new ContactBuilder("c5").Channel("direct").Build(),
            new ContactBuilder("c6").Channel("email").Build(),
            new StageChangeBuilder("c1").Stage(Stage.Lead).EnteredAt(day: 1).Build(),
            new StageChangeBuilder("c2").Stage(Stage.Lead).EnteredAt(day: 31, hour: 23).Build(),
            new StageChangeBuilder("c3").Stage(Stage.Lead).EnteredAt(day: 31).Build(),
            new StageChangeBuilder("c4").Stage(Stage.Lead).EnteredAt(day: 32).Build(),
            new StageChangeBuilder("c5").Stage(Stage.Lead).EnteredAt(day: 59, hour: 12).Build(),
            new StageChangeBuilder("c6").Stage(Stage.Lead).EnteredAt(day: 60).Build(),
        ]);
        return world;
    }
}
