using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Tests.Metrics.Kpis;
using Northstar.Testing.Builders;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution.Reports;

public class PipelineReportTests
{
    private static readonly DateRange Year2026 = KpiWorld.Days(1, 366);

    [Fact]
    public void Compute_Influenced_EveryTouchedChannelGetsTheWholeDealOnce()
    {
        // D1 email > paid_search > email (1000), D2 paid_search (500), D3 organic_search > paid_search (200),
        // an open journey (not a deal); all three sourced by email.
        var table = PipelineReport.Compute(
            [
                Converted(1000, T(1, "email"), T(2, "paid_search"), T(3, "email")),
                Converted(500, T(4, "paid_search")),
                Converted(200, T(5, "organic_search"), T(6, "paid_search")),
                Open(T(1, "paid_social")),
            ],
            [new DealOrigin("d1", "email", 1000), new DealOrigin("d2", "email", 500), new DealOrigin("d3", "email", 200)]);

        Assert.Equal((1L, 1000.0, 1000 / 1700.0), Influenced(table, "email"));
        Assert.Equal((3L, 1700.0, 1.0), Influenced(table, "paid_search"));
        Assert.Equal((1L, 200.0, 200 / 1700.0), Influenced(table, "organic_search"));
        Assert.Null(table.Rows.FirstOrDefault(r => r.Channel == "paid_social"));
        // Influenced counts a deal for each channel it touched: more than the pipeline.
        Assert.Equal(2900, table.Rows.Sum(r => r.InfluencedPipeline));
    }

    [Fact]
    public void Compute_StoreDeals_SourcedByOriginalSourceInfluencedByLookbackJourney()
    {
        using var world = Fixture();

        var table = Pipeline(world);

        // Five deals in 2026 (d6 is in 2027): 1000 + 500 + 200 + 300 + 100.
        Assert.Equal((5L, 2100.0), (table.Deals, table.Pipeline));
        Assert.Equal(["email", "events", "organic_search", "paid_search"], table.Rows.Select(r => r.Channel));
        // c1's first touch ever (email, day 1) sources d1, though only paid_search (day 150) is in its 90-day look-back.
        Assert.Equal((1L, 1000.0, 1000 / 2100.0), Sourced(table, "email"));
        Assert.Equal((0L, 0.0, 0.0), Influenced(table, "email"));
        Assert.Equal((0L, 0.0, 0.0), Sourced(table, "paid_search"));
        Assert.Equal((1L, 1000.0, 1000 / 2100.0), Influenced(table, "paid_search"));
        // c2 has no touch: the channel on its row sources d2.
        Assert.Equal((1L, 500.0, 500 / 2100.0), Sourced(table, "events"));
        Assert.Equal((1L, 100.0, 100 / 2100.0), Sourced(table, "organic_search"));
        Assert.Equal((1L, 100.0, 100 / 2100.0), Influenced(table, "organic_search"));
        // d3 (contact without touch or channel) and d4 (an account's, no contact) have no known source.
        Assert.Equal((2L, 500.0), (table.UnsourcedDeals, table.UnsourcedPipeline));
        // d2 and d3 had no touch in the look-back; d4 has no contact at all, so no journey either.
        Assert.Equal((2L, 700.0), (table.UntouchedDeals, table.UntouchedPipeline));
    }

    [Fact]
    public void Compute_StoreDeals_SourcedColumnIsTheKpisPipelineByChannel()
    {
        using var world = Fixture();

        var table = Pipeline(world);
        var kpi = world.By("pipeline_created", Year2026, Dimensions.Channel);

        Assert.Equal(kpi.Keys.Order(StringComparer.Ordinal), table.Rows.Where(r => r.SourcedDeals > 0).Select(r => r.Channel).Append(Dimensions.None).Order(StringComparer.Ordinal));
        Assert.All(table.Rows.Where(r => r.SourcedDeals > 0), r => Assert.Equal(kpi[r.Channel], r.SourcedPipeline));
        Assert.Equal(kpi[Dimensions.None], table.UnsourcedPipeline);
        Assert.Equal(world.Total("pipeline_created", Year2026), table.Pipeline);
    }

    [Fact]
    public void CreatedIn_NewYorkWorkspace_DealsByLocalDay()
    {
        // 2026-02-01 03:00 UTC is still January 31 in New York; 2026-02-01 05:00 UTC is February 1.
        using var world = new KpiWorld("America/New_York");
        world.Add(
            new DealBuilder("late").Amount(10m).Build() with { CreatedAt = BuilderTime.At(32, hour: 3) },
            new DealBuilder("next").Amount(20m).Build() with { CreatedAt = BuilderTime.At(32, hour: 5) });

        var january = DealOrigin.CreatedIn(world.Store.Read<Deal>(world.Workspace), [], world.Workspace.TimeZone, KpiWorld.January);

        Assert.Equal([new DealOrigin("late", null, 10)], january);
        Assert.Equal(10, world.Total("pipeline_created", KpiWorld.January));
    }

    // c1: row channel partners, touches email (day 1) and paid_search (day 150), deal d1 day 160 (1000).
    // c2: row channel events, no touch, d2 day 20 (500). c3: nothing, d3 day 30 (200).
    // d4: account acc9 only, day 40 (300). c4: organic_search day 5, d5 day 10 (100), d6 day 400 (5000).
    private static KpiWorld Fixture()
    {
        var world = new KpiWorld();
        world.Add(
            new ContactBuilder("c1").CreatedAt(day: 1).Channel("partners").Build(),
            new ContactBuilder("c2").CreatedAt(day: 1).Channel("events").Build(),
            new ContactBuilder("c3").CreatedAt(day: 1).Build(),
            new ContactBuilder("c4").CreatedAt(day: 5).Build(),
            new EventBuilder("e1").SessionStart().At(day: 1).Contact("c1").Channel("email").Build(),
            new EventBuilder("e2").SessionStart().At(day: 150).Contact("c1").Channel("paid_search").Build(),
            new EventBuilder("e3").SessionStart().At(day: 5).Contact("c4").Channel("organic_search").Build(),
            new DealBuilder("d1").Contact("c1").CreatedAt(day: 160).Amount(1000m).Build(),
            new DealBuilder("d2").Contact("c2").CreatedAt(day: 20).Amount(500m).Build(),
            new DealBuilder("d3").Contact("c3").CreatedAt(day: 30).Amount(200m).Build(),
            new DealBuilder("d4").Account("acc9").CreatedAt(day: 40).Amount(300m).Build(),
            new DealBuilder("d5").Contact("c4").CreatedAt(day: 10).Amount(100m).Build(),
            new DealBuilder("d6").Contact("c4").CreatedAt(day: 400).Amount(5000m).Build());
        return world;
    }

    private static PipelineTable Pipeline(KpiWorld world)
    {
        var (store, workspace) = (world.Store, world.Workspace);
        var journeys = JourneyBuilder.Build(store, workspace, AttributionConfig.Default.Journeys(ConversionGoal.DealCreated, Year2026));
        var deals = DealOrigin.CreatedIn(store.Read<Deal>(workspace), store.ReadLifecycles(workspace), workspace.TimeZone, Year2026);
        return PipelineReport.Compute(journeys.Journeys, deals, journeys.UntouchedConversions, journeys.UntouchedValue);
    }

    private static (long, double, double) Sourced(PipelineTable table, string channel)
    {
        var row = table.Rows.Single(r => r.Channel == channel);
        return (row.SourcedDeals, row.SourcedPipeline, row.SourcedShare);
    }

    private static (long, double, double) Influenced(PipelineTable table, string channel)
    {
        var row = table.Rows.Single(r => r.Channel == channel);
        return (row.InfluencedDeals, row.InfluencedPipeline, row.InfluencedShare);
    }
}
