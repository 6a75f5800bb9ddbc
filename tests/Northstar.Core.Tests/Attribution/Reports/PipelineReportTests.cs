using Northstar.Core.Attribution.Reports;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution.Reports;

public class PipelineReportTests
{
    // D1 email > paid_search > email (1000), D2 paid_search (500), D3 organic_search > paid_search (200),
    // an open journey (not a deal), and one untouched deal of 300: 4 deals, 2000 of pipeline.
    private static readonly PipelineTable Table = PipelineReport.Compute(
        [
            Converted(1000, T(1, "email"), T(2, "paid_search"), T(3, "email")),
            Converted(500, T(4, "paid_search")),
            Converted(200, T(5, "organic_search"), T(6, "paid_search")),
            Open(T(1, "paid_social")),
        ],
        untouchedDeals: 1,
        untouchedPipeline: 300);

    [Fact]
    public void Compute_Sourced_FirstTouchGetsTheDealAndAddsUpWithUntouched()
    {
        Assert.Equal((4L, 2000.0), (Table.Deals, Table.Pipeline));
        Assert.Equal(["email", "paid_search", "organic_search"], Table.Rows.Select(r => r.Channel));
        Assert.Equal((1L, 1000.0, 0.5), Sourced("email"));
        Assert.Equal((1L, 500.0, 0.25), Sourced("paid_search"));
        Assert.Equal((1L, 200.0, 0.1), Sourced("organic_search"));
        Assert.Equal(Table.Pipeline, Table.Rows.Sum(r => r.SourcedPipeline) + Table.UntouchedPipeline);
    }

    [Fact]
    public void Compute_Influenced_EveryTouchedChannelGetsTheWholeDealOnce()
    {
        Assert.Equal((1L, 1000.0, 0.5), Influenced("email"));
        Assert.Equal((3L, 1700.0, 0.85), Influenced("paid_search"));
        Assert.Equal((1L, 200.0, 0.1), Influenced("organic_search"));
        Assert.Null(Table.Rows.FirstOrDefault(r => r.Channel == "paid_social"));
        // Influenced counts a deal for each channel it touched: more than the pipeline.
        Assert.Equal(2900, Table.Rows.Sum(r => r.InfluencedPipeline));
    }

    private static (long, double, double) Sourced(string channel)
    {
        var row = Table.Rows.Single(r => r.Channel == channel);
        return (row.SourcedDeals, row.SourcedPipeline, Math.Round(row.SourcedShare, 12));
    }

    private static (long, double, double) Influenced(string channel)
    {
        var row = Table.Rows.Single(r => r.Channel == channel);
        return (row.InfluencedDeals, row.InfluencedPipeline, Math.Round(row.InfluencedShare, 12));
    }
}
