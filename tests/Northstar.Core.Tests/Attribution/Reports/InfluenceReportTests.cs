using Northstar.Core.Attribution.Reports;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution.Reports;

public class InfluenceReportTests
{
    [Fact]
    public void Compute_FirstTouch_PutsMqlSharesNextToRevenueSharesWithTheDifference()
    {
        // MQLs: email, email, paid_search (one untouched). Won: paid_search 800, email 100, organic_search 100.
        var first = AttributionConfig.Default.Model(AttributionModelKind.First);
        var mqls = CreditReport.Compute(AttributionInput.FromJourneys([Converted(0, T(1, "email")), Converted(0, T(2, "email")), Converted(0, T(3, "paid_search"))], 1, 0), first);
        var won = CreditReport.Compute(AttributionInput.FromJourneys([Converted(800, T(1, "paid_search")), Converted(100, T(2, "email")), Converted(100, T(3, "organic_search"))]), first);

        var table = InfluenceReport.Compute(mqls, won);

        // Differences: email 0.1 - 2/3, paid_search 0.8 - 1/3, organic_search 0.1 - 0: largest size first.
        Assert.Equal(["email", "paid_search", "organic_search"], table.Rows.Select(r => r.Channel));
        var email = table.Rows[0];
        Assert.Equal((2.0, 100.0), (email.Mqls, email.Revenue));
        Assert.Equal(2.0 / 3, email.MqlShare, 12);
        Assert.Equal(0.1, email.RevenueShare, 12);
        Assert.Equal(0.1 - (2.0 / 3), email.Difference, 12);
        Assert.Equal(0.8 - (1.0 / 3), table.Rows[1].Difference, 12);
        Assert.Equal((0.0, 0.1), (table.Rows[2].MqlShare, Math.Round(table.Rows[2].Difference, 12)));
        Assert.Equal((3.0, 1000.0, 1L), (table.Mqls, table.Revenue, table.UntouchedMqls));
    }
}
