using static Northstar.Core.Metrics.KpiDirection;
using static Northstar.Core.Metrics.KpiUnit;

namespace Northstar.Core.Metrics.Kpis;

internal sealed partial class KpiCatalog
{
    private void AddTraffic()
    {
        Measure("sessions", "Sessions", UpIsGood, "visits (session_start events), by channel, source, medium, campaign, landing page");
        Measure(
            "visitors", "Visitors", UpIsGood,
            "distinct visitors with a session start: the event's contact id, else its anonymous id (not identity-resolved: "
            + "a visitor who identifies mid-period counts once before and once after); exact up to 64-bit hash collisions");
        Measure("new_contacts", "New contacts", UpIsGood, "contacts first known (created) in the period; by the landing page of the form that created them");
        Measure("reach", "Reach", UpIsGood);
        Formula(
            "traffic_to_lead_rate", "Traffic-to-lead rate", Ratio, UpIsGood, "leads / sessions",
            "leads / sessions (period ratio); by channel, source, medium, campaign or landing page: leads by their first touch / sessions by their own");
        Measure("brand_search_volume", "Brand search volume", UpIsGood);
        Add(new BrandKpi(new KpiDefinition("share_of_voice", "Share of voice", Ratio, UpIsGood, "our brand's mentions / all tracked brands' mentions (the mentions series; needs the workspace's brand)", []), sentiment: false));
        Add(new BrandKpi(new KpiDefinition("brand_sentiment", "Brand sentiment", Ratio, UpIsGood, "(positive - negative mentions) / all mentions of our brand (the mentions series)", []), sentiment: true));

        Measure("cta_views", "CTA views", UpIsGood);
        Measure("cta_clicks", "CTA clicks", UpIsGood);
        Formula("cta_click_rate", "CTA click rate", Ratio, UpIsGood, "cta_clicks / cta_views", "calls to action clicked / shown (event counts), by CTA and page");
        Measure("landing_page_views", "Landing page views", UpIsGood);
        Measure("form_submissions", "Form submissions", UpIsGood);
        Formula(
            "landing_page_conversion_rate", "Landing page conversion rate", Ratio, UpIsGood, "form_submissions / landing_page_views",
            "form submissions / sessions landing on the page (period ratio), by landing page and variant");
        Add(new FormDropOffKpi(new KpiDefinition(
            "form_drop_off", "Form drop-off", Ratio, DownIsGood,
            "of the form starts, the share that left at each field: reached it (form_field) but not the next field or the submission; "
            + "by field, one share per field and \"(none)\" for starts that reached no field, adding up to the share that never submitted; "
            + "otherwise the share that never submitted. Event counts.",
            [Dimensions.Field, Dimensions.Form, Dimensions.LandingPage, Dimensions.Page, Dimensions.Variant])));
        Measure("soft_conversions", "Soft conversions", UpIsGood);
        Measure(
            "unique_opens", "Unique opens", UpIsGood,
            "distinct openers of an email (email_open events): contact id, else anonymous id, not identity-resolved; exact up to 64-bit hash collisions");
        Measure("ad_revenue", "Ad revenue", UpIsGood);
        Formula(
            "subscriber_growth", "Subscriber growth", Count, UpIsGood, "subscribers_gained - subscribers_lost",
            "net new subscribers: the subscribers_gained series minus the subscribers_lost series");
        Formula(
            "content_utilization", "Content utilization", Count, UpIsGood, "content_uses + sales_asset_uses",
            "times an asset was used: content_used events plus sales activities that used an asset; by asset", [Dimensions.Asset]);
    }
}
