using Northstar.Core.Planning;

namespace Northstar.Core.Diagnostics;

/// <summary>The focus area for a bottleneck at each funnel step (DESIGN.md's mapping).</summary>
public static class FocusAreas
{
    /// <summary>Too little traffic.</summary>
    public static FocusArea Awareness { get; } = new(
        "awareness", "Awareness", "Too little traffic: grow reach and brand demand, channel by channel.",
        ["sessions", "reach", "brand_search_volume", "share_of_voice", "visitors"]);

    /// <summary>Good traffic, few visitors convert.</summary>
    public static FocusArea ConversionRateOptimisation { get; } = new(
        "conversion_rate_optimisation", "Conversion-rate optimisation",
        "Visitors come but few convert: work on calls to action, landing pages and forms.",
        ["traffic_to_lead_rate", "cta_views", "cta_clicks", "cta_click_rate", "landing_page_views", "form_submissions",
            "landing_page_conversion_rate", "new_contacts", "form_drop_off"]);

    /// <summary>Enough contacts, too few MQLs.</summary>
    public static FocusArea FormAndQualification { get; } = new(
        "form_and_qualification_strategy", "Form and qualification strategy",
        "Enough contacts, too few MQLs: review what forms ask and how leads are scored; double down on the sources that give MQLs.",
        ["mqls", "lead_to_mql_rate", "icp_leads", "cost_per_mql"]);

    /// <summary>Enough MQLs, too few SQLs.</summary>
    public static FocusArea LeadNurturing { get; } = new(
        "lead_nurturing", "Lead nurturing", "Enough MQLs, too few SQLs: improve nurture emails and workflows and the hand-off to sales.",
        ["mql_to_sql_rate", "email_success_rate", "unique_opens", "sla_compliance", "cost_per_sql"]);

    /// <summary>Enough SQLs, too few opportunities.</summary>
    public static FocusArea BottomOfFunnel { get; } = new(
        "bottom_of_funnel_friction", "Bottom-of-funnel friction and offers",
        "Enough SQLs, too few opportunities: remove friction on the site and sharpen bottom-of-funnel offers.",
        ["sql_to_opportunity_rate", "meetings_booked", "soft_conversions", "pipeline_created"]);

    /// <summary>Opportunities that do not close.</summary>
    public static FocusArea SalesEnablement { get; } = new(
        "sales_enablement", "Sales enablement", "Opportunities do not close: equip sales (content, proposals, follow-up within the SLA).",
        ["win_rate", "proposal_to_customer_rate", "opportunity_to_proposal_rate", "sla_compliance", "content_utilization"]);

    /// <summary>Every focus area, top of the funnel first.</summary>
    public static IReadOnlyList<FocusArea> All { get; } =
        [Awareness, ConversionRateOptimisation, FormAndQualification, LeadNurturing, BottomOfFunnel, SalesEnablement];

    /// <summary>The focus area when reaching <paramref name="step"/> is the bottleneck.</summary>
    public static FocusArea For(FunnelStep step) => step switch
    {
        FunnelStep.Sessions => Awareness,
        FunnelStep.Leads => ConversionRateOptimisation,
        FunnelStep.Mqls => FormAndQualification,
        FunnelStep.Sqls => LeadNurturing,
        FunnelStep.Opportunities => BottomOfFunnel,
        FunnelStep.Customers => SalesEnablement,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a funnel step."),
    };
}
