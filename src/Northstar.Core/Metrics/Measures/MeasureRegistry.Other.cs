using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

internal sealed partial class MeasureRegistry
{
    private static IEnumerable<Measure> OtherMeasures()
    {
        yield return new SpendMeasure("spend", KpiUnit.Money, s => (double)s.Amount, "money spent, every kind (media, creative, tools, people, service), by date");
        yield return new SpendMeasure("spend_impressions", KpiUnit.Count, s => s.Impressions ?? 0, "impressions reported with the spend rows");
        yield return new SpendMeasure("spend_clicks", KpiUnit.Count, s => s.Clicks ?? 0, "clicks reported with the spend rows");

        yield return new SeriesMeasure("brand_search_volume", "brand_search_volume", KpiUnit.Count, "searches for the brand's own keywords: the brand_search_volume series, summed");
        yield return new SeriesMeasure("mentions", "mentions", KpiUnit.Count, "brand mentions: the mentions series (brand=...;sentiment=...), summed");
        yield return new SeriesMeasure("ad_revenue", "ad_revenue", KpiUnit.Money, "advertising revenue: the ad_revenue series, summed");
        yield return new SeriesMeasure("subscribers_gained", "subscribers_gained", KpiUnit.Count, "new subscribers: the subscribers_gained series, summed");
        yield return new SeriesMeasure("subscribers_lost", "subscribers_lost", KpiUnit.Count, "lost subscribers: the subscribers_lost series, summed");

        yield return new SurveyMeasure("survey_answers", _ => true, "survey answers (0-10) given in the period");
        yield return new SurveyMeasure("promoters", s => s >= 9, "survey answers of 9 or 10");
        yield return new SurveyMeasure("detractors", s => s <= 6, "survey answers of 0 to 6");
        yield return new SurveyMeasure(
            "nps_points",
            _ => true,
            "NPS points of the survey answers: +100 per promoter (9-10), -100 per detractor (0-6), 0 per passive, summed (nps_points / survey_answers is the NPS)",
            s => s >= 9 ? 100 : s <= 6 ? -100 : 0,
            KpiUnit.Score);

        yield return new ActivityMeasure(
            "sales_activities", [ActivityKind.SalesCall, ActivityKind.SalesEmail, ActivityKind.Meeting], "sales calls, sales emails and meetings");
        yield return new ActivityMeasure("tickets", [ActivityKind.Ticket], "support tickets opened");
        yield return new ActivityMeasure(
            "sales_asset_uses",
            [ActivityKind.SalesCall, ActivityKind.SalesEmail, ActivityKind.Meeting],
            "sales activities that used an asset (case study, deck)",
            withAssetOnly: true);
    }
}
