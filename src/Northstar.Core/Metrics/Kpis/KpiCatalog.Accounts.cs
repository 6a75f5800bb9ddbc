using static Northstar.Core.Metrics.KpiDirection;
using static Northstar.Core.Metrics.KpiUnit;

namespace Northstar.Core.Metrics.Kpis;

internal sealed partial class KpiCatalog
{
    private void AddAccounts()
    {
        Add(new AccountHealthKpi(new KpiDefinition(
            "account_health", "Account health", Ratio, UpIsGood,
            "share of the accounts with MRR at the period end that are green by the health rules (survey score, tickets, engagement, days to renewal); by health: the share in each colour",
            [Dimensions.Health, Dimensions.Segment])));
        Add(new ActivityVsImpactKpi(new KpiDefinition(
            "activity_vs_impact", "Activity vs impact", Ratio, UpIsGood,
            "per channel: leads credited by first touch per 1,000 events carrying the channel; channels with much activity and little impact are flagged as vanity",
            [Dimensions.Channel, Dimensions.Campaign])));
    }
}
