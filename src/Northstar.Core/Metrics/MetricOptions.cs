using Northstar.Core.Facts;

namespace Northstar.Core.Metrics;

/// <summary>The settings the KPI definitions leave open; every default is the one KPIS.md or common practice names.</summary>
public sealed record MetricOptions
{
    /// <summary>Cohort conversion window in days (KPIS.md: 90).</summary>
    public int CohortWindowDays { get; init; } = 90;

    /// <summary>The marketing-to-sales SLA for <c>sla_compliance</c> (KPIS.md: 24 hours).</summary>
    public TimeSpan SalesSla { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Event types that count as soft conversions (default: video and social engagement, content used).</summary>
    public IReadOnlyList<EventType> SoftConversionTypes { get; init; } =
        [EventType.VideoEngaged, EventType.SocialEngaged, EventType.ContentUsed];

    /// <summary>Gross margin for CLV and CAC payback (default 0.8, typical of SaaS).</summary>
    public double GrossMargin { get; init; } = 0.8;

    /// <summary>
    /// The workspace's own brand in the <c>mentions</c> series (<c>brand=...</c>); without it,
    /// share of voice and brand sentiment have no value.
    /// </summary>
    public string? Brand { get; init; }

    /// <summary>The rules behind <c>account_health</c>.</summary>
    public AccountHealthRules AccountHealth { get; init; } = new();

    /// <summary>The month the fiscal year starts in (1 = January).</summary>
    public int FiscalYearStartMonth { get; init; } = 1;
}
