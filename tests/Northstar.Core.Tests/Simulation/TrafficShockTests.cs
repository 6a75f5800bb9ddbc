using Northstar.Core.Facts;
using Northstar.Core.Simulation;

namespace Northstar.Core.Tests.Simulation;

public class TrafficShockTests
{
    private static readonly DateOnly March = new(2025, 3, 1);
    private static readonly DateOnly April = new(2025, 4, 1);

    [Fact]
    public void Run_PaidSearchTrafficCutForMarch_NoAdClicksThenButSpendGoesOn()
    {
        var options = new SimulationOptions
        {
            Seed = 2, Contacts = 500, Years = 1, TrafficShocks = [new TrafficShock(March, 0, "paid_search", April)],
        };
        var sink = new CollectingSink(e => e.Type == EventType.AdClick && e.Channel == "paid_search");

        DemoCompany.Run(options, sink);

        var clicksByMonth = sink.Events.GroupBy(e => e.Timestamp.Month).ToDictionary(g => g.Key, g => g.Count());
        var marchSpend = sink.Spend.Where(s => s.Channel == "paid_search" && s.Date >= March && s.Date < April).ToList();
        Assert.False(clicksByMonth.ContainsKey(3));
        Assert.True(clicksByMonth[2] > 0 && clicksByMonth[4] > 0);
        Assert.Equal(31 * 2 * 3, marchSpend.Count); // days x campaigns x spend kinds
        Assert.All(marchSpend, s => Assert.True(s.Amount > 0 && s.Clicks is null or 0));
    }

    [Fact]
    public void Run_LeadShockZeroForEmailFromApril_NoEmailContactsAfterJourneysEnd()
    {
        var options = new SimulationOptions
        {
            Seed = 4, Contacts = 1_500, Years = 1, StageShocks = [new StageShock(April, Stage.Lead, 0, "email")],
        };
        var sink = new CollectingSink(_ => false);

        var result = DemoCompany.Run(options, sink);

        // A visitor decides on the first visit; the form fill comes at most 4 return visits x 10 days later.
        var late = new DateTimeOffset(2025, 5, 12, 0, 0, 0, TimeSpan.Zero);
        var email = sink.Contacts.Where(c => c.Channel == "email").ToList();
        Assert.Contains(email, c => c.CreatedAt < April.ToDateTime(TimeOnly.MinValue));
        Assert.DoesNotContain(email, c => c.CreatedAt >= late);
        // Sizing knows about the shock: the run still creates about the contacts asked for.
        Assert.InRange(sink.Contacts.Count, 1_500 * 0.9, 1_500 * 1.1);
        Assert.Equal(1_500, result.Truth.ExpectedContacts, precision: 6);
    }
}
