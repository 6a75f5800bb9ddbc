namespace Northstar.Core.Planning;

/// <summary>
/// The steps of the planning funnel, top to bottom: the reverse-funnel planner works up from
/// <see cref="Customers"/> to <see cref="Sessions"/>, pacing and diagnostics compare each step
/// with the plan. Each step is counted by the KPI <see cref="FunnelSteps.KpiId"/> names.
/// </summary>
public enum FunnelStep
{
    /// <summary>Website sessions (KPI <c>sessions</c>).</summary>
    Sessions,

    /// <summary>Contacts entering lead (KPI <c>leads</c>).</summary>
    Leads,

    /// <summary>Contacts entering MQL (KPI <c>mqls</c>).</summary>
    Mqls,

    /// <summary>Contacts entering SQL (KPI <c>sqls</c>).</summary>
    Sqls,

    /// <summary>Contacts entering opportunity (KPI <c>opportunities</c>).</summary>
    Opportunities,

    /// <summary>Contacts entering customer (KPI <c>customers</c>).</summary>
    Customers,
}
