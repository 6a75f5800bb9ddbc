using Northstar.Core.Attribution.Reports;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution.Reports;

public class EconomicsReportTests
{
    private static readonly DateRange January = new(BuilderTime.Date(1), BuilderTime.Date(32));

    // Spend in January: paid_search 600 media + 200 creative, email 100 tools, customer_success 500
    // service (not acquisition); paid_search's 1000 on day 40 is outside the period.
    private static readonly Spend[] Spend =
    [
        new SpendBuilder("paid_search").On(1).Amount(600m).Build(),
        new SpendBuilder("paid_search").On(2).Kind(SpendKind.Creative).Amount(200m).Build(),
        new SpendBuilder("email").On(1).Kind(SpendKind.Tools).Amount(100m).Build(),
        new SpendBuilder("customer_success").On(1).Kind(SpendKind.Service).Amount(500m).Build(),
        new SpendBuilder("paid_search").On(40).Amount(1000m).Build(),
    ];

    // First touch. Customers: paid_search 2, email 1, organic_search 1, one untouched.
    // Won revenue: paid_search 3000, email 500, 1000 untouched.
    private static readonly EconomicsTable Table = EconomicsReport.Compute(
        CreditReport.Compute(
            AttributionInput.FromJourneys([Converted(0, T(1, "paid_search")), Converted(0, T(2, "paid_search")), Converted(0, T(3, "email")), Converted(0, T(4, "organic_search"))], 1, 0),
            AttributionConfig.Default.Model(AttributionModelKind.First)),
        CreditReport.Compute(
            AttributionInput.FromJourneys([Converted(3000, T(1, "paid_search")), Converted(500, T(2, "email"))], 1, 1000),
            AttributionConfig.Default.Model(AttributionModelKind.First)),
        Spend,
        January);

    [Fact]
    public void Compute_PaidSearch_CacRoasRoiFromThePeriodsSpend()
    {
        var row = Table.Rows[0];

        // CAC 800 / 2; ROAS 3000 / 600; ROI (3000 - 800) / 800.
        Assert.Equal(new EconomicsRow("paid_search", 800m, 600m, 2, 3000, 400m, 5.0, 2.75), row);
    }

    [Fact]
    public void Compute_ChannelsWithoutMediaOrSpend_LeaveThoseRatiosEmpty()
    {
        Assert.Equal(["paid_search", "email", "organic_search"], Table.Rows.Select(r => r.Channel));
        Assert.Equal(new EconomicsRow("email", 100m, 0m, 1, 500, 100m, null, 4.0), Table.Rows[1]);
    }

    [Fact]
    public void Compute_ChannelWithCustomersButNoAcquisitionSpend_NoCacRatherThanZero()
    {
        // organic_search: 1 customer, no spend recorded: CAC, ROAS and ROI all undefined.
        Assert.Equal(new EconomicsRow("organic_search", 0m, 0m, 1, 0, null, null, null), Table.Rows[2]);
    }

    [Fact]
    public void Compute_NoSpendAtAll_TotalHasNoCacEither()
    {
        var customers = CreditReport.Compute(AttributionInput.FromJourneys([Converted(0, T(1, "direct"))]), AttributionConfig.Default.Model(AttributionModelKind.First));
        var revenue = CreditReport.Compute(AttributionInput.FromJourneys([Converted(700, T(1, "direct"))]), AttributionConfig.Default.Model(AttributionModelKind.First));

        var table = EconomicsReport.Compute(customers, revenue, [], January);

        Assert.Equal(new EconomicsRow("direct", 0m, 0m, 1, 700, null, null, null), Assert.Single(table.Rows));
        Assert.Equal(new EconomicsRow(EconomicsReport.TotalLabel, 0m, 0m, 1, 700, null, null, null), table.Total);
    }

    [Fact]
    public void Compute_UntouchedAndTotal_TotalIsTheBlendedRatios()
    {
        Assert.Equal(new EconomicsRow(EconomicsReport.UntouchedLabel, 0m, 0m, 1, 1000, null, null, null), Table.Untouched);

        // 900 acquisition, 600 media, 5 customers, 4500 revenue: CAC 180, ROAS 7.5, ROI 3600 / 900.
        Assert.Equal(new EconomicsRow(EconomicsReport.TotalLabel, 900m, 600m, 5, 4500, 180m, 7.5, 4.0), Table.Total);
    }
}
