using Northstar.Core.Diagnostics;
using Northstar.Core.Metrics;
using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Diagnostics;

public class FunnelDiagnosticsTests
{
    private static readonly DateRange Q3 = new(new DateOnly(2025, 7, 1), new DateOnly(2025, 10, 1));

    // The issue's example rates: 1.5%, 20%, 20%, 40%, 50%; 100,000 sessions planned.
    private static readonly DiagnosisPlan Plan = new(100_000, Rates(0.015, 0.2, 0.2, 0.4, 0.5), "plan");

    [Fact]
    public void Diagnose_MqlToSqlHalved_NamesLeadNurturingWithCustomersLost()
    {
        // Arrange: sessions 90,000 (10,000 short), leads and MQLs ahead of plan, MQL -> SQL 10% (20% planned).
        var actual = Counts(90_000, 1_400, 300, 30, 12, 6);

        // Act
        var diagnosis = FunnelDiagnostics.Diagnose(actual, Q3, Plan, "2025-Q3");

        // Assert: by hand. Downstream chains: below sessions 0.015*0.2*0.2*0.4*0.5 = 0.00012;
        // below leads 0.008; below MQLs 0.04; below SQLs 0.2; below opportunities 0.5; customers 1.
        var lost = diagnosis.Stages.Select(s => s.CustomersLost).ToArray();
        Assert.Equal(10_000 * 0.00012, lost[0], precision: 9);            // 1.2
        Assert.Equal((0.015 * 90_000 - 1_400) * 0.008, lost[1], precision: 9); // (1,350 - 1,400) * 0.008 = -0.4
        Assert.Equal((0.2 * 1_400 - 300) * 0.04, lost[2], precision: 9);  // (280 - 300) * 0.04 = -0.8
        Assert.Equal((0.2 * 300 - 30) * 0.2, lost[3], precision: 9);      // 30 fewer SQLs * 0.2 = 6
        Assert.Equal(0, lost[4], precision: 9);                           // 0.4 * 30 = 12 as planned
        Assert.Equal(0, lost[5], precision: 9);                           // 0.5 * 12 = 6 as planned
        Assert.Equal(FunnelStep.Sqls, diagnosis.Bottleneck!.Step);
        Assert.Equal(0.1, diagnosis.Bottleneck.ActualRate!.Value, precision: 12);
        Assert.Equal(30, diagnosis.Bottleneck.Shortfall, precision: 9);
        Assert.Equal("MQLs -> SQLs converted 10% against 20% planned: 30 fewer SQLs, about 6.0 customers lost", diagnosis.Bottleneck.Why);
        Assert.Equal("lead_nurturing", diagnosis.Focus!.Id);
    }

    [Fact]
    public void Diagnose_TrafficHalvedAndCloseRateHalved_PicksTheOneLosingMoreCustomers()
    {
        // Arrange: sessions 50,000 (every rate as planned down to opportunities), then 25% close (50% planned).
        // Traffic: 50,000 * 0.00012 = 6 customers lost. Close: opportunities = 50,000*0.015*0.2*0.2*0.4 = 12,
        // (0.5 - 0.25) * 12 = 3 customers lost. Both halved, but traffic loses twice the customers.
        var actual = Counts(50_000, 750, 150, 30, 12, 3);

        // Act
        var diagnosis = FunnelDiagnostics.Diagnose(actual, Q3, Plan);

        // Assert
        Assert.Equal(6, diagnosis.Stages[0].CustomersLost, precision: 9);
        Assert.Equal(3, diagnosis.Stages[5].CustomersLost, precision: 9);
        Assert.Equal(FunnelStep.Sessions, diagnosis.Bottleneck!.Step);
        Assert.Equal("Sessions: 50,000 against 100,000 planned: 50,000 fewer sessions, about 6.0 customers lost", diagnosis.Bottleneck.Why);
        Assert.Equal("awareness", diagnosis.Focus!.Id);
    }

    [Fact]
    public void Diagnose_EveryStepAheadOfPlan_HasNoBottleneck()
    {
        var actual = Counts(110_000, 1_700, 350, 75, 31, 16);

        var diagnosis = FunnelDiagnostics.Diagnose(actual, Q3, Plan);

        Assert.Null(diagnosis.Bottleneck);
        Assert.Null(diagnosis.Focus);
        Assert.All(diagnosis.Stages, s => Assert.True(s.CustomersLost < 0, s.Why));
    }

    [Theory]
    [InlineData(0.0, "must be above 0% and at most 100%")]
    [InlineData(1.2, "must be above 0% and at most 100%")]
    [InlineData(double.NaN, "must be above 0% and at most 100%")]
    public void Diagnose_PlanRateOutOfRange_ThrowsWithTheReason(double rate, string expected)
    {
        var plan = Plan with { Rates = Rates(0.015, 0.2, rate, 0.4, 0.5) };

        var error = Assert.Throws<ArgumentException>(() => FunnelDiagnostics.Diagnose(Counts(1, 1, 1, 1, 1, 1), Q3, plan));

        Assert.Contains("MQLs -> SQLs", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRate_SaysWhichPair()
    {
        var rates = Rates(0.015, 0.2, 0.2, 0.4, 0.5).Where(r => r.Key != FunnelStep.Opportunities).ToDictionary();

        var problems = (Plan with { Rates = rates }).Validate();

        Assert.Equal(["The plan has no rate for Opportunities -> Customers."], problems);
    }

    [Fact]
    public void Volume_IssueExampleRates_IsSessionsTimesTheChain()
    {
        // 100,000 sessions: 1,500 leads, 300 MQLs, 60 SQLs, 24 opportunities, 12 customers.
        double[] expected = [100_000, 1_500, 300, 60, 24, 12];

        var volumes = FunnelSteps.All.Select(Plan.Volume).ToArray();

        Assert.Equal(expected.Length, volumes.Length);
        Assert.All(expected.Zip(volumes), p => Assert.Equal(p.First, p.Second, precision: 9));
    }

    internal static Dictionary<FunnelStep, double> Rates(double lead, double mql, double sql, double opportunity, double customer) => new()
    {
        [FunnelStep.Sessions] = lead, [FunnelStep.Leads] = mql, [FunnelStep.Mqls] = sql,
        [FunnelStep.Sqls] = opportunity, [FunnelStep.Opportunities] = customer,
    };

    internal static FunnelCounts Counts(params double[] volumes) => new(volumes);
}
