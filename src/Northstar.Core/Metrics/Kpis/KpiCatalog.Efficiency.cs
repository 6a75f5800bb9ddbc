using static Northstar.Core.Metrics.KpiDirection;
using static Northstar.Core.Metrics.KpiUnit;

namespace Northstar.Core.Metrics.Kpis;

internal sealed partial class KpiCatalog
{
    /// <summary>Acquisition spend: every kind but service (KPIS.md, cac).</summary>
    private const string AcquisitionSpend = "spend[kind != \"service\"]";

    private void AddEfficiency()
    {
        Measure("spend", "Spend", Neutral, "money spent; by channel, campaign and kind (media, creative, tools, people, service)");
        Formula(
            "cac", "Customer acquisition cost", Money, DownIsGood, $"{AcquisitionSpend} / customers",
            "acquisition spend (every kind but service) / contacts entering the customer stage in the period; by channel: the channel's spend / those customers whose first touch (else the channel on their contact row) was that channel");
        Formula("cost_per_lead", "Cost per lead", Money, DownIsGood, $"{AcquisitionSpend} / leads", "acquisition spend (every kind but service) / leads");
        Formula("cost_per_mql", "Cost per MQL", Money, DownIsGood, $"{AcquisitionSpend} / mqls", "acquisition spend (every kind but service) / MQLs");
        Formula("cost_per_sql", "Cost per SQL", Money, DownIsGood, $"{AcquisitionSpend} / sqls", "acquisition spend (every kind but service) / SQLs");
        Formula(
            "roi", "ROI", Ratio, UpIsGood, $"(revenue_new - {AcquisitionSpend}) / {AcquisitionSpend}",
            "(attributed new revenue - acquisition spend) / acquisition spend; revenue credited to the channel of the deal contact's first touch");
        Formula(
            "overall_roi", "Overall ROI", Ratio, UpIsGood, "(revenue_total - spend) / spend",
            "(all revenue won in the period: new, expansion, renewal - all spend, every kind including service) / all spend: no attribution, so no breakdown", []);
        Formula(
            "roas", "ROAS", Ratio, UpIsGood, "revenue_new / spend[kind = \"media\"]",
            "attributed new revenue (first touch) / media spend");
        Add(new RoacKpi(
            new KpiDefinition(
                "roac", "ROAC", Ratio, UpIsGood,
                "(new revenue credited by first touch + expected value of the open leads produced: historical rate to customer from their stage x average new deal size) / ad costs (media + creative + tools)",
                [Dimensions.Channel, Dimensions.Campaign]),
            Measures));
        var clv = new ClvKpi(new KpiDefinition(
            "clv", "Customer lifetime value", Money, UpIsGood,
            "predicted: average MRR per live account at the period end x gross margin (default 80%, which takes out the cost to serve) / monthly account churn rate in the period; acquisition cost is not subtracted (ltv_to_cac sets it against CAC); no churn: no value",
            []));
        Add(clv);
        var cac = Find("cac")!;
        Add(new CacRatioKpi(
            new KpiDefinition("ltv_to_cac", "LTV to CAC", Ratio, UpIsGood, "clv / cac (by channel: the overall CLV over the channel's CAC)", cac.Definition.Dimensions),
            cac,
            payback: false));
        Add(new CacRatioKpi(
            new KpiDefinition(
                "cac_payback_months", "CAC payback (months)", Months, DownIsGood,
                "cac / (MRR per new account (first subscription started in the period) x gross margin), in months; by channel: the channel's CAC over the overall new-account MRR", cac.Definition.Dimensions),
            cac,
            payback: true));
    }

    private void AddRetention()
    {
        Add(new RetentionKpi(
            new KpiDefinition("churn_rate", "Churn rate", Ratio, DownIsGood, "accounts with MRR at the period start that have none at its end / accounts with MRR at the start", [Dimensions.Segment]),
            RetentionMeasure.ChurnRate));
        Add(new RetentionKpi(
            new KpiDefinition("revenue_churn_rate", "Revenue churn rate", Ratio, DownIsGood, "MRR lost in the period (by accounts that left, and by the downgrades of those that stayed; expansion does not offset it) / MRR at the period start", [Dimensions.Segment]),
            RetentionMeasure.RevenueChurnRate));
        Add(new RetentionKpi(
            new KpiDefinition(
                "net_revenue_retention", "Net revenue retention", Ratio, UpIsGood,
                "(start MRR + expansion - contraction - churn) / start MRR, over the accounts with MRR at the period start", [Dimensions.Segment]),
            RetentionMeasure.NetRevenueRetention));
        Add(new RenewalRateKpi(new KpiDefinition(
            "renewal_rate", "Renewal rate", Ratio, UpIsGood, "subscriptions renewed / subscriptions due for renewal in the period (with a known outcome)", [Dimensions.Segment])));
        Formula(
            "nps", "Net Promoter Score", Score, UpIsGood, "nps_points / survey_answers",
            "% promoters (9-10) - % detractors (0-6) of the survey answers in the period, from -100 to 100");
    }
}
