using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Reports;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution.Reports;

public class CreditReportTests
{
    // J1: email > paid_search > direct (300); J2: organic_search > email (100); J3: paid_social, not converted.
    // Two more conversions (50 together) had no touch.
    private static readonly AttributionInput Sample = AttributionInput.FromJourneys(
        [
            Converted(300, T(1, "email"), T(3, "paid_search"), T(5, "direct")),
            Converted(100, T(2, "organic_search"), T(4, "email")),
            Open(T(1, "paid_social")),
        ],
        untouchedConversions: 2,
        untouchedValue: 50);

    [Fact]
    public void Compute_FirstTouch_CreditsFirstChannelsWithSharesAndKeepsUntouchedApart()
    {
        var table = CreditReport.Compute(Sample, Model(AttributionModelKind.First));

        Assert.Equal("first", table.Model);
        Assert.Equal(["email", "organic_search"], table.Rows.Select(r => r.Key));
        Assert.Equal(new CreditRow("email", 1, 300, 0.5, 0.75), table.Rows[0]);
        Assert.Equal(new CreditRow("organic_search", 1, 100, 0.5, 0.25), table.Rows[1]);
        Assert.Equal((2.0, 400.0, 2L, 50.0), (table.Conversions, table.Value, table.UntouchedConversions, table.UntouchedValue));
    }

    [Fact]
    public void Compute_Linear_SplitsEachJourneyEquallyAndOrdersByCredit()
    {
        var table = CreditReport.Compute(Sample, Model(AttributionModelKind.Linear));

        // email: 1/3 of J1 (100) + 1/2 of J2 (50); organic 1/2 of J2; direct and paid_search 1/3 of J1 each.
        Assert.Equal(["email", "organic_search", "direct", "paid_search"], table.Rows.Select(r => r.Key));
        AssertRow(table.Find("email")!, 5.0 / 6, 150, 5.0 / 12, 150.0 / 400);
        AssertRow(table.Find("organic_search")!, 0.5, 50, 0.25, 50.0 / 400);
        AssertRow(table.Find("direct")!, 1.0 / 3, 100, 1.0 / 6, 0.25);
    }

    [Fact]
    public void Compute_MarkovOrderOne_SplitsByHandSolvedRemovalEffects()
    {
        // P(conversion) = 2/3 (J1's and J2's starts convert surely, paid_social never). Without
        // email: 0 (effect 1). Without paid_search, direct or organic_search: 1/3 (effect 1/2 each).
        // Effects sum to 2.5: email gets 2 x 1/2.5, the three others 2 x 0.5/2.5.
        var table = CreditReport.Compute(Sample, Model(AttributionModelKind.Markov));

        Assert.Equal(2.0 / 3, table.ConversionProbability!.Value, 12);
        Assert.Equal(0.8, table.Find("email")!.Conversions, 12);
        Assert.Equal(0.4, table.Find("paid_search")!.Conversions, 12);
        Assert.Equal(0.4, table.Find("direct")!.Conversions, 12);
        Assert.Equal(0.4, table.Find("organic_search")!.Conversions, 12);
        Assert.Equal(0, table.Find("paid_social")?.Conversions ?? 0, 12);
        Assert.Equal(400, table.Rows.Sum(r => r.Value), 9);
        Assert.Equal(1.0, table.RemovalEffects!.Single(e => e.Channel == "email").Conversion, 12);
    }

    [Fact]
    public void Compute_ShapleyOnRepeatedChannel_SplitsOverDistinctChannels()
    {
        var input = AttributionInput.FromJourneys([Converted(90, T(1, "email"), T(2, "paid_search"), T(3, "email"))]);

        var shapley = CreditReport.Compute(input, Model(AttributionModelKind.Shapley));
        var linear = CreditReport.Compute(input, Model(AttributionModelKind.Linear));

        AssertRow(shapley.Find("email")!, 0.5, 45, 0.5, 0.5);
        AssertRow(linear.Find("email")!, 2.0 / 3, 60, 2.0 / 3, 2.0 / 3);
    }

    [Fact]
    public void Compute_ShapleyOrdered_KeepsPositionsNextToTheChannelTotals()
    {
        var input = AttributionInput.FromJourneys([Converted(90, T(1, "email"), T(2, "paid_search"), T(3, "email"))]);

        var table = CreditReport.Compute(input, Model(AttributionModelKind.ShapleyOrdered));

        Assert.Equal("shapley_ordered", table.Model);
        Assert.Equal(0.5, table.Find("paid_search")!.Conversions, 12);
        var position = Assert.Single(table.Positions!, p => p.Channel == "paid_search");
        Assert.Equal(2, position.Position);
    }

    [Fact]
    public void Compute_TimeDecayHalfLifeOneDay_UsesTheModelsHalfLife()
    {
        // Touches 7 days apart: weights 2^-7 and 1, normalised: 1/129 and 128/129.
        var input = AttributionInput.FromJourneys([Converted(129, T(1, "email"), T(8, "paid_search"))]);

        var table = CreditReport.Compute(input, Model(AttributionModelKind.TimeDecay) with { HalfLifeDays = 1 });

        Assert.Equal(1.0 / 129, table.Find("email")!.Conversions, 12);
        Assert.Equal(128, table.Find("paid_search")!.Value, 9);
    }

    [Fact]
    public void Compute_MarkovByCampaign_BuildsPathsOfCampaigns()
    {
        // Campaign paths: spring > brand (converted, 10) and spring (null). P = 1/2; removing either
        // campaign leaves 0, so both effects are 1 and each gets half.
        var input = AttributionInput.FromJourneys(
        [
            Converted(10, T(1, "email", "spring"), T(2, "paid_search", "brand")),
            Open(T(1, "email", "spring")),
        ]);

        var table = CreditReport.Compute(input, Model(AttributionModelKind.Markov), AttributionDimension.Campaign);

        Assert.Equal(["brand", "spring"], table.Rows.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal(0.5, table.Find("spring")!.Conversions, 12);
        Assert.Equal(5, table.Find("brand")!.Value, 9);
    }

    [Fact]
    public void Compute_PositionOnPathTable_SplitsFortyTwentyForty()
    {
        // a > b > c: 2 conversions (100): a and c 0.8 (40), b 0.4 (20); path b: 1 conversion (20).
        var input = AttributionInput.FromPaths([new ChannelPath(["a", "b", "c"], 2, 100, 1), new ChannelPath(["b"], 1, 20, 0)]);

        var table = CreditReport.Compute(input, Model(AttributionModelKind.Position));

        AssertRow(table.Find("b")!, 1.4, 40, 1.4 / 3, 40.0 / 120);
        AssertRow(table.Find("a")!, 0.8, 40, 0.8 / 3, 40.0 / 120);
        Assert.Equal((3.0, 120.0), (table.Conversions, table.Value));
    }

    [Fact]
    public void Compute_ShapleyOnPathTable_SplitsEachPathOverItsDistinctChannels()
    {
        // a > b > a: 2 conversions (100) split over a and b: 1 (50) each; path b: 1 conversion (20); a > c: nulls only.
        var input = AttributionInput.FromPaths([new ChannelPath(["a", "b", "a"], 2, 100, 0), new ChannelPath(["b"], 1, 20, 3), new ChannelPath(["a", "c"], 0, 0, 4)]);

        var table = CreditReport.Compute(input, Model(AttributionModelKind.Shapley));

        Assert.Equal(["b", "a"], table.Rows.Select(r => r.Key));
        AssertRow(table.Find("b")!, 2, 70, 2.0 / 3, 70.0 / 120);
        AssertRow(table.Find("a")!, 1, 50, 1.0 / 3, 50.0 / 120);
    }

    [Theory]
    [InlineData(AttributionModelKind.TimeDecay, "time_decay")]
    [InlineData(AttributionModelKind.WShaped, "w_shaped")]
    [InlineData(AttributionModelKind.FullPath, "full_path")]
    public void Compute_TouchTimeModelOnPathTable_ThrowsNamingTheModel(AttributionModelKind kind, string name)
    {
        var input = AttributionInput.FromPaths([new ChannelPath(["a"], 1, 0, 0)]);

        var problem = CreditReport.Problem(input, Model(kind), AttributionDimension.Channel);
        var thrown = Assert.Throws<ArgumentException>(() => CreditReport.Compute(input, Model(kind)));

        Assert.Contains($"'{name}'", problem, StringComparison.Ordinal);
        Assert.Contains($"'{name}'", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_CampaignOnPathTable_SaysPathsHaveChannelsOnly()
    {
        var input = AttributionInput.FromPaths([new ChannelPath(["a"], 1, 0, 0)]);

        var problem = CreditReport.Problem(input, Model(AttributionModelKind.Linear), AttributionDimension.Campaign);

        Assert.Contains("--by campaign", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AttributionModelKind.First)]
    [InlineData(AttributionModelKind.LastNonDirect)]
    [InlineData(AttributionModelKind.TimeDecay)]
    [InlineData(AttributionModelKind.WShaped)]
    [InlineData(AttributionModelKind.FullPath)]
    [InlineData(AttributionModelKind.Markov)]
    [InlineData(AttributionModelKind.Shapley)]
    [InlineData(AttributionModelKind.ShapleyOrdered)]
    public void Compute_EveryModelBothDimensions_RowsAddUpToConversionsAndValue(AttributionModelKind kind)
    {
        foreach (var by in new[] { AttributionDimension.Channel, AttributionDimension.Campaign })
        {
            var table = CreditReport.Compute(Sample, Model(kind) with { Order = 2 }, by);

            Assert.Equal(2, table.Rows.Sum(r => r.Conversions), 9);
            Assert.Equal(400, table.Rows.Sum(r => r.Value), 9);
            Assert.Equal(1, table.Rows.Sum(r => r.ConversionShare), 9);
        }
    }

    private static AttributionModel Model(AttributionModelKind kind) => AttributionConfig.Default.Model(kind);

    private static void AssertRow(CreditRow row, double conversions, double value, double conversionShare, double valueShare)
    {
        Assert.Equal(conversions, row.Conversions, 12);
        Assert.Equal(value, row.Value, 9);
        Assert.Equal(conversionShare, row.ConversionShare, 12);
        Assert.Equal(valueShare, row.ValueShare, 12);
    }
}
