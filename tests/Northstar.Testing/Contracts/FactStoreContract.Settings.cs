using Northstar.Core.Metrics;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>Custom KPIs and workspace settings: kept per workspace, replaced by id or key.</summary>
public abstract partial class FactStoreContract
{
    private ICustomKpiStore Custom => Assert.IsAssignableFrom<ICustomKpiStore>(Store);

    [Fact]
    public void SaveCustomKpi_SameIdTwice_KeepsTheLatestPerWorkspace()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var other = Store.GetOrCreateWorkspace("other");
        var first = Kpi("paid_social_roas", "revenue_new[channel = \"paid_social\"] / spend[channel = \"paid_social\"]");
        var second = first with { Name = "ROAS of paid social", Direction = KpiDirection.UpIsGood, Formula = "revenue_new / spend" };

        Custom.SaveCustomKpi(acme, first);
        Custom.SaveCustomKpi(acme, second);
        Custom.SaveCustomKpi(other, Kpi("meeting_rate", "meetings_booked / emails_sent"));

        var saved = Assert.Single(Custom.ListCustomKpis(acme));
        Assert.Equal(("paid_social_roas", "ROAS of paid social", KpiUnit.Ratio, KpiDirection.UpIsGood, "revenue_new / spend"), (saved.Id, saved.Name, saved.Unit, saved.Direction, saved.Formula));
        Assert.Equal("meeting_rate", Assert.Single(Custom.ListCustomKpis(other)).Id);
    }

    [Fact]
    public void DeleteCustomKpi_KnownAndUnknownId_RemovesOnlyThatOne()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        Custom.SaveCustomKpi(acme, Kpi("a_rate", "leads / sessions"));
        Custom.SaveCustomKpi(acme, Kpi("b_rate", "mqls / leads"));

        Assert.True(Custom.DeleteCustomKpi(acme, "a_rate"));
        Assert.False(Custom.DeleteCustomKpi(acme, "a_rate"));

        Assert.Equal("b_rate", Assert.Single(Custom.ListCustomKpis(acme)).Id);
    }

    [Fact]
    public void SetSetting_SetReplaceUnset_IsPerWorkspace()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var other = Store.GetOrCreateWorkspace("other");

        Custom.SetSetting(acme, MetricSettings.Brand, "acme");
        Custom.SetSetting(acme, MetricSettings.Brand, "acme inc");
        Custom.SetSetting(other, MetricSettings.CohortWindowDays, "30");
        Custom.SetSetting(other, MetricSettings.CohortWindowDays, null);

        Assert.Equal("acme inc", Custom.GetSetting(acme, MetricSettings.Brand));
        Assert.Null(Custom.GetSetting(other, MetricSettings.Brand));
        Assert.Null(Custom.GetSetting(other, MetricSettings.CohortWindowDays));
    }

    private static KpiDefinition Kpi(string id, string formula) =>
        new(id, id, KpiUnit.Ratio, KpiDirection.DownIsGood, "a test KPI", []) { Formula = formula };
}
