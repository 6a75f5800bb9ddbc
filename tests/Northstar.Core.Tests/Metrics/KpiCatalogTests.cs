using System.Text.RegularExpressions;
using Northstar.Core.Metrics;
using Northstar.Testing;

namespace Northstar.Core.Tests.Metrics;

public sealed partial class KpiCatalogTests
{
    /// <summary>Every KPI id KPIS.md names (conversion rates and velocities under the ids the catalogue gives them).</summary>
    private static readonly string[] KpisMd =
    [
        "sessions", "new_contacts", "reach", "traffic_to_lead_rate", "brand_search_volume", "share_of_voice", "brand_sentiment",
        "cta_views", "cta_clicks", "cta_click_rate", "landing_page_views", "form_submissions", "landing_page_conversion_rate",
        "form_drop_off", "soft_conversions",
        "leads", "iqls", "mqls", "sals", "sqls", "opportunities", "proposals", "customers",
        "lead_to_mql_rate", "mql_to_sal_rate", "mql_to_sql_rate", "sal_to_sql_rate", "sql_to_opportunity_rate",
        "opportunity_to_proposal_rate", "proposal_to_customer_rate", "lead_to_customer_rate", "visitor_to_lead_rate",
        "lead_to_mql_cohort_rate", "mql_to_sal_cohort_rate", "mql_to_sql_cohort_rate", "sal_to_sql_cohort_rate",
        "sql_to_opportunity_cohort_rate", "opportunity_to_proposal_cohort_rate", "proposal_to_customer_cohort_rate",
        "lead_to_customer_cohort_rate",
        "lead_to_mql_days", "lead_to_mql_days_p90", "sql_to_opportunity_days", "lead_to_customer_days_p90",
        "sla_compliance", "meetings_booked", "email_success_rate", "icp_leads",
        "pipeline_created", "marketing_sourced_pipeline", "marketing_influenced_pipeline", "pipeline_to_revenue_rate",
        "revenue_new", "revenue_total", "win_rate", "average_deal_size", "sales_cycle_days", "ad_revenue", "subscriber_growth",
        "unique_opens",
        "spend", "cac", "cost_per_lead", "cost_per_mql", "cost_per_sql", "roi", "overall_roi", "roas", "roac", "clv",
        "ltv_to_cac", "cac_payback_months",
        "churn_rate", "revenue_churn_rate", "renewal_rate", "net_revenue_retention", "new_to_lost_ratio", "nps",
        "account_health", "discount_rate", "referrals",
        "content_utilization", "activity_vs_impact",
    ];

    [Fact]
    public void Kpis_EveryIdOfKpisMd_IsInTheCatalogue()
    {
        var engine = Engine();

        var missing = KpisMd.Where(id => engine.Find(id) is null).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Kpis_EveryDefinition_IsCompleteAndUnique()
    {
        var kpis = Engine().Kpis;

        Assert.Equal(kpis.Count, kpis.Select(k => k.Id).Distinct().Count());
        Assert.All(kpis, k =>
        {
            Assert.Matches(SnakeCase(), k.Id);
            Assert.False(string.IsNullOrWhiteSpace(k.Name), k.Id);
            Assert.True(k.Definition.Length >= 15, $"{k.Id}: definition too short");
            Assert.All(k.Dimensions, d => Assert.Contains(d, Dimensions.All));
        });
    }

    [Fact]
    public void Run_UnknownKpi_SuggestsCloseIds()
    {
        var engine = Engine();
        var range = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1));

        var error = Assert.Throws<MetricQueryException>(() => engine.Run(new MetricQuery("lead", range)));

        Assert.Contains("leads", error.Message, StringComparison.Ordinal);
    }

    private static MetricsEngine Engine()
    {
        var store = new InMemoryFactStore();
        return new MetricsEngine(store, store.GetOrCreateWorkspace("w"));
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
