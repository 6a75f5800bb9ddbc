using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>The demo company's twelve channels, with their costs, curves, seasonality and funnels.</summary>
internal static class DemoChannels
{
    /// <summary>B2B seasonality: strong spring and autumn, summer and late-December dips.</summary>
    public static readonly double[] Base = [0.95, 1.0, 1.05, 1.0, 1.0, 0.9, 0.75, 0.7, 1.05, 1.1, 1.05, 0.7];

    /// <summary>Traffic by day of week, Monday first: businesses browse on workdays.</summary>
    public static readonly double[] Weekday = [1.05, 1.1, 1.1, 1.05, 0.9, 0.4, 0.4];

    public static readonly string[] SitePages = ["/", "/pricing", "/product", "/customers", "/blog", "/about", "/integrations", "/docs"];

    public static IReadOnlyList<ChannelProfile> All { get; } = Build();

    private static double[] Tweak(params (int Month, double Factor)[] changes)
    {
        var months = (double[])Base.Clone();
        foreach (var (month, factor) in changes)
        {
            months[month - 1] *= factor;
        }

        return months;
    }

    private static ChannelProfile[] Build() =>
    [
        new() { Id = "organic_search", Source = "google", Medium = "organic", Referrer = "https://www.google.com/",
            LandingPages = ["/blog/kpi-guide", "/blog/attribution-101", "/", "/pricing"], DailySpend = 400,
            SpendMix = [(SpendKind.People, 0.6), (SpendKind.Creative, 0.2), (SpendKind.Tools, 0.2)],
            OrganicVisitors = 250, ReachVisitors = 150, Saturation = 500, Monthly = Base, LeadRate = 0.025,
            StageRates = [0.60, 0.45, 0.70, 0.50, 0.60, 0.70, 0.35] },
        new() { Id = "paid_search", Source = "google", Medium = "cpc", Campaigns = ["brand_search", "generic_search"],
            LandingPages = ["/lp/demo", "/pricing"], DailySpend = 1200, ClickThroughRate = 0.04,
            SpendMix = [(SpendKind.Media, 0.9), (SpendKind.Creative, 0.05), (SpendKind.Tools, 0.05)],
            ReachVisitors = 300, Saturation = 1500, Monthly = Base, LeadRate = 0.035,
            StageRates = [0.65, 0.50, 0.70, 0.55, 0.60, 0.70, 0.30] },
        new() { Id = "paid_social", Source = "linkedin", Medium = "paid_social", Campaigns = ["abm_linkedin", "retargeting"],
            LandingPages = ["/lp/demo", "/lp/guide"], DailySpend = 900, ClickThroughRate = 0.008,
            SpendMix = [(SpendKind.Media, 0.85), (SpendKind.Creative, 0.15)],
            ReachVisitors = 250, Saturation = 1200, Monthly = Tweak((10, 1.15), (11, 1.2)), LeadRate = 0.02,
            StageRates = [0.50, 0.35, 0.60, 0.45, 0.55, 0.65, 0.25], Engagement = EventType.SocialEngaged },
        new() { Id = "organic_social", Source = "linkedin", Medium = "social", Referrer = "https://www.linkedin.com/",
            LandingPages = ["/blog/kpi-guide", "/customers", "/"], DailySpend = 250,
            SpendMix = [(SpendKind.People, 0.7), (SpendKind.Creative, 0.3)],
            OrganicVisitors = 60, ReachVisitors = 80, Saturation = 300, Monthly = Base, LeadRate = 0.012,
            StageRates = [0.50, 0.35, 0.60, 0.45, 0.50, 0.65, 0.25], Engagement = EventType.SocialEngaged },
        new() { Id = "email", Source = "newsletter", Medium = "email", Campaigns = ["newsletter_weekly"],
            LandingPages = ["/blog", "/webinar", "/customers"], DailySpend = 150,
            SpendMix = [(SpendKind.Tools, 0.5), (SpendKind.People, 0.3), (SpendKind.Creative, 0.2)],
            OrganicVisitors = 60, ReachVisitors = 40, Saturation = 200, Monthly = Base, LeadRate = 0.04,
            StageRates = [0.70, 0.50, 0.75, 0.55, 0.60, 0.70, 0.35] },
        new() { Id = "referral", Source = "g2.com", Medium = "referral", Referrer = "https://www.g2.com/products/northstar",
            LandingPages = ["/", "/pricing", "/customers"], DailySpend = 120, SpendMix = [(SpendKind.Tools, 1.0)],
            OrganicVisitors = 40, ReachVisitors = 30, Saturation = 150, Monthly = Base, LeadRate = 0.05,
            StageRates = [0.70, 0.55, 0.75, 0.60, 0.65, 0.75, 0.40] },
        new() { Id = "direct", Source = "(direct)", Medium = "(none)", LandingPages = ["/", "/pricing", "/docs"],
            OrganicVisitors = 180, Monthly = Base, LeadRate = 0.03,
            StageRates = [0.65, 0.50, 0.70, 0.55, 0.60, 0.70, 0.35] },
        new() { Id = "display", Source = "dv360", Medium = "display", Campaigns = ["awareness_q", "prospecting"],
            LandingPages = ["/lp/guide", "/"], DailySpend = 500, ClickThroughRate = 0.002,
            SpendMix = [(SpendKind.Media, 0.8), (SpendKind.Creative, 0.2)],
            ReachVisitors = 200, Saturation = 800, Monthly = Tweak((11, 1.1), (12, 1.2)), LeadRate = 0.006,
            StageRates = [0.40, 0.30, 0.55, 0.40, 0.50, 0.60, 0.20] },
        new() { Id = "affiliates", Source = "partnerstack", Medium = "affiliate", Campaigns = ["affiliate_program"],
            LandingPages = ["/pricing", "/lp/partner-offer"], DailySpend = 200, ClickThroughRate = 0.02,
            SpendMix = [(SpendKind.Media, 1.0)],
            ReachVisitors = 60, Saturation = 250, Monthly = Base, LeadRate = 0.03,
            StageRates = [0.55, 0.40, 0.65, 0.50, 0.55, 0.65, 0.30] },
        new() { Id = "paid_video", Source = "youtube", Medium = "cpv", Campaigns = ["product_tour"],
            LandingPages = ["/product", "/"], DailySpend = 400, ClickThroughRate = 0.01,
            SpendMix = [(SpendKind.Media, 0.7), (SpendKind.Creative, 0.3)],
            OrganicVisitors = 20, ReachVisitors = 120, Saturation = 600, Monthly = Base, LeadRate = 0.008,
            StageRates = [0.45, 0.35, 0.60, 0.45, 0.50, 0.60, 0.25], Engagement = EventType.VideoEngaged },
        new() { Id = "events", Source = "events", Medium = "event", Campaigns = ["saas_summit", "webinar_series"],
            LandingPages = ["/webinar", "/events"], DailySpend = 350,
            SpendMix = [(SpendKind.People, 0.4), (SpendKind.Media, 0.4), (SpendKind.Creative, 0.2)],
            ReachVisitors = 40, Saturation = 400, Monthly = Tweak((3, 1.4), (4, 1.3), (7, 0.5), (8, 0.5), (9, 1.4), (10, 1.3)),
            LeadRate = 0.08, StageRates = [0.70, 0.55, 0.75, 0.60, 0.65, 0.70, 0.35] },
        new() { Id = "partners", Source = "partner_portal", Medium = "partner", Campaigns = ["reseller_program"],
            LandingPages = ["/partners", "/"], DailySpend = 150, SpendMix = [(SpendKind.People, 1.0)],
            OrganicVisitors = 10, ReachVisitors = 30, Saturation = 200, Monthly = Base, LeadRate = 0.06,
            StageRates = [0.75, 0.60, 0.80, 0.65, 0.70, 0.75, 0.45] },
    ];
}
