using Northstar.Core.Channels;
using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>The demo company's fixed parameters beside its channels: segments, funnel timing, revenue, brands.</summary>
internal static class CompanyModel
{
    public const double AnnualSpendGrowth = 0.25;
    public const double SpendNoise = 0.12;
    public const double SlaCompliance = 0.8;
    public const double SlaHours = 24;
    public const double DailyServiceSpend = 300;
    public const string AbLandingPage = "/lp/demo";
    public const double AbShare = 0.35;
    public const double AbRateA = 0.04;

    /// <summary>Rules for the demo's channels that GA4's default grouping does not know.</summary>
    public static readonly ChannelRule[] CustomChannelRules =
        [new("events", Source: "^events$", Medium: "^event$"), new("partners", Medium: "^partner$")];

    /// <summary>Channels whose visitors may land on the A/B test page.</summary>
    public static readonly string[] AbChannels = ["paid_search", "paid_social"];

    /// <summary>Uniform delay range, in days, of entering each stage (same indexing as StageRates).</summary>
    public static readonly (double Min, double Max)[] StageDelays =
        [(0, 3), (1, 20), (0, 3), (2, 15), (2, 20), (5, 30), (5, 45)];

    /// <summary>Probability that the row of a reached stage is missing (the contact skipped it).</summary>
    public static readonly Dictionary<Stage, double> SkipRates = new() { [Stage.Iql] = 0.15, [Stage.Sal] = 0.10, [Stage.Proposal] = 0.10 };

    public static readonly SegmentProfile[] Segments =
    [
        new("smb", 0.55, 8_000, 0.00, 0.10, 0.78, 0.8),
        new("mid_market", 0.33, 30_000, 0.05, 0.20, 0.86, 1.1),
        new("enterprise", 0.12, 120_000, 0.10, 0.30, 0.92, 1.6),
    ];

    public static readonly string[] Industries = ["software", "fintech", "healthcare", "manufacturing", "retail", "education", "logistics", "media"];

    public static readonly string[] Owners = ["rep_ana", "rep_ben", "rep_chloe", "rep_dev", "rep_emma", "rep_farid"];

    public static readonly string[] SalesAssets = ["case_study_fintech", "case_study_retail", "roi_calculator", "product_deck", "security_whitepaper"];

    public static readonly string[] SurveyComments =
    [
        "Great product, fast support", "Dashboards are clear", "Pricing is \"steep\" for us", "Setup took too long,\nbut works now",
        "Love the KPI trees", "Missing a connector, otherwise fine",
    ];

    /// <summary>Where returning visitors come from (channel id, weight): assists after the first touch.</summary>
    public static readonly (string Channel, double Weight)[] ReturnMix =
        [("direct", 0.35), ("organic_search", 0.30), ("paid_social", 0.10), ("referral", 0.10), ("organic_social", 0.10), ("email", 0.05)];

    /// <summary>A visitor who fills in the form returns before it Geometric(this, capped at <see cref="ConverterMaxReturns"/>) times.</summary>
    public const double ConverterReturnStop = 0.5;

    public const int ConverterMaxReturns = 4;

    public static readonly BrandProfile[] Brands =
    [
        new(DemoCompany.Brand, true, 30, 0.45, 0.40, 0.15),
        new("metricly", false, 60, 0.35, 0.45, 0.20),
        new("funnelwise", false, 45, 0.30, 0.50, 0.20),
        new("kpi_hub", false, 20, 0.25, 0.45, 0.30),
    ];

    public const double BrandSearchPerDay = 220;

    /// <summary>Days within which any contact's walk from lead to customer ends (longest delays, slowest segment).</summary>
    public static int MaxFunnelDays =>
        (int)Math.Ceiling(StageDelays.Sum(d => d.Max) * Segments.Max(s => s.CycleMultiplier)) + 1;

    /// <summary>Probability of the variant's form submission on the A/B landing page.</summary>
    public static double AbRate(bool variantB, double lift) => variantB ? AbRateA * (1 + lift) : AbRateA;

    public static double SkipRate(Stage stage) => SkipRates.GetValueOrDefault(stage);
}
