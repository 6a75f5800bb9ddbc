using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Reports;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution.Reports;

public class ModelComparisonReportTests
{
    // J1: email > paid_search > direct (300); J2: organic_search > email (100).
    private static readonly AttributionInput Sample = AttributionInput.FromJourneys(
    [
        Converted(300, T(1, "email"), T(3, "paid_search"), T(5, "direct")),
        Converted(100, T(2, "organic_search"), T(4, "email")),
    ]);

    private static readonly AttributionModel[] FirstLastLinear =
    [
        AttributionConfig.Default.Model(AttributionModelKind.First),
        AttributionConfig.Default.Model(AttributionModelKind.Last),
        AttributionConfig.Default.Model(AttributionModelKind.Linear),
    ];

    [Fact]
    public void Compare_FirstLastLinear_OneRowPerChannelWithEachModelsCredit()
    {
        var comparison = ModelComparisonReport.Compare(Sample, FirstLastLinear);

        Assert.Equal(["first", "last", "linear"], comparison.Models);
        // Ordered by mean share: email (1/2, 1/2, 5/12), organic (1/2, 0, 1/4), direct (0, 1/2, 1/6), paid_search (0, 0, 1/6).
        Assert.Equal(["email", "organic_search", "direct", "paid_search"], comparison.Rows.Select(r => r.Key));
        var email = comparison.Rows[0];
        Assert.Equal([1.0, 1.0, 5.0 / 6], email.Conversions, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(0.5 - (5.0 / 12), email.Spread, 12);
        Assert.Equal(("linear", "first"), (email.LowModel, email.HighModel));
        var direct = comparison.Rows[2];
        Assert.Equal([0.0, 0.5, 1.0 / 6], direct.Shares);
        Assert.Equal(("first", "last"), (direct.LowModel, direct.HighModel));
    }

    [Fact]
    public void Compare_EachModelsColumn_AddsUpToTheConversions()
    {
        var comparison = ModelComparisonReport.Compare(Sample, FirstLastLinear);

        for (var m = 0; m < comparison.Models.Count; m++)
        {
            Assert.Equal(comparison.Conversions, comparison.Rows.Sum(r => r.Conversions[m]), 12);
        }
    }

    [Fact]
    public void MostDisputed_TwoRowsWithHalfSpread_FirstByName()
    {
        // organic_search: 1/2 (first), 0 (last), 1/4 (linear); direct: 0, 1/2, 1/6: both spread 1/2.
        var comparison = ModelComparisonReport.Compare(Sample, FirstLastLinear);

        Assert.Equal("direct", comparison.MostDisputed!.Key);
        Assert.Equal(0.5, comparison.MostDisputed.Spread, 12);
    }

    [Theory]
    [InlineData(AttributionDimension.Channel)]
    [InlineData(AttributionDimension.Campaign)]
    public void Compare_EveryModelInOnePass_SameCreditsAsEachModelAlone(AttributionDimension by)
    {
        // Repeats, direct touches, campaigns missing, a non-converting journey: every model's one-pass
        // column must hold what the model computes on its own.
        var input = AttributionInput.FromJourneys(
        [
            Converted(300, T(1, "email", "spring"), T(3, "direct"), T(5, "paid_search", "brand"), T(6, "email", "spring")),
            Converted(100, T(2, "organic_search"), T(4, "email", "autumn", lead: true), T(9, "direct", opportunity: true)),
            Converted(50, T(7, "paid_social", "spring")),
            Open(T(1, "paid_social"), T(2, "email", "spring")),
        ]);
        var models = AttributionModel.Names.Select(name => AttributionModel.TryParse(name, AttributionConfig.Default.Model(AttributionModelKind.Markov), out var m, out _) ? m : null!).ToList();

        var comparison = ModelComparisonReport.Compare(input, models, by);

        Assert.Equal(11, comparison.Tables.Count);
        foreach (var (model, table) in models.Zip(comparison.Tables))
        {
            var alone = CreditReport.Compute(input, model, by);
            Assert.Equal(alone.Rows.Select(r => r.Key), table.Rows.Select(r => r.Key));
            Assert.All(alone.Rows.Zip(table.Rows), pair =>
            {
                Assert.Equal(pair.First.Conversions, pair.Second.Conversions, 12);
                Assert.Equal(pair.First.Value, pair.Second.Value, 9);
            });
        }
    }

    [Fact]
    public void Compare_ModelThatNeedsJourneysOnPaths_ThrowsNamingIt()
    {
        var paths = AttributionInput.FromPaths([new ChannelPath(["a", "b"], 1, 10, 0)]);
        AttributionModel[] models = [.. FirstLastLinear, AttributionConfig.Default.Model(AttributionModelKind.WShaped)];

        var thrown = Assert.Throws<ArgumentException>(() => ModelComparisonReport.Compare(paths, models));

        Assert.Contains("'w_shaped'", thrown.Message, StringComparison.Ordinal);
    }
}
