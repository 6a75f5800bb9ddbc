using Northstar.Core.Diagnostics;
using Northstar.Core.Planning;
using Xunit.Abstractions;

namespace Northstar.Core.Tests.Diagnostics;

/// <summary>
/// The diagnosis names the broken stage: a demo company with one step cut to 30% of its rate (or its
/// traffic to 30%) from the start of 2025-Q2, diagnosed against the plan from the four quarters before,
/// for three seeds each. 30% rather than a half because the demo is small (5,000 contacts, about a dozen
/// customers a quarter): chance alone moves the close rate of a quarter by a third, so a halved close rate
/// is not always the largest loss; a stage cut to 30% is (the margins are printed).
/// </summary>
public class BrokenStageDiagnosisTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(FunnelStep.Sessions, "awareness")]
    [InlineData(FunnelStep.Leads, "conversion_rate_optimisation")]
    [InlineData(FunnelStep.Mqls, "form_and_qualification_strategy")]
    [InlineData(FunnelStep.Sqls, "lead_nurturing")]
    [InlineData(FunnelStep.Opportunities, "bottom_of_funnel_friction")]
    [InlineData(FunnelStep.Customers, "sales_enablement")]
    public void DiagnoseFromHistory_OneStageBroken_NamesItEverySeed(FunnelStep broken, string focus)
    {
        foreach (var seed in new long[] { 1, 2, 3 })
        {
            // Arrange
            using var company = new BrokenCompany(broken, seed, contacts: 5_000);

            // Act
            var diagnosis = FunnelDiagnostics.DiagnoseFromHistory(company.Engine(), BrokenCompany.Quarter, out var problem, label: "2025-Q2");

            // Assert
            Assert.Null(problem);
            var runnerUp = diagnosis!.Stages.Where(s => s.Step != broken).Max(s => s.CustomersLost);
            output.WriteLine($"seed {seed}: {diagnosis.Bottleneck?.Why} (next largest loss {runnerUp:F1})");
            Assert.Equal(broken, diagnosis.Bottleneck?.Step);
            Assert.Equal(focus, diagnosis.Focus!.Id);
        }
    }
}
