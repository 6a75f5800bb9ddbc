namespace Northstar.Core.Planning;

/// <summary>Names and order of the <see cref="FunnelStep"/>s.</summary>
public static class FunnelSteps
{
    /// <summary>Every step, top of the funnel first.</summary>
    public static IReadOnlyList<FunnelStep> All { get; } = Enum.GetValues<FunnelStep>();

    /// <summary>The KPI id that counts the step in a period.</summary>
    public static string KpiId(FunnelStep step) => step switch
    {
        FunnelStep.Sessions => "sessions",
        FunnelStep.Leads => "leads",
        FunnelStep.Mqls => "mqls",
        FunnelStep.Sqls => "sqls",
        FunnelStep.Opportunities => "opportunities",
        FunnelStep.Customers => "customers",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a funnel step."),
    };

    /// <summary>The label people read: "MQLs", "Opportunities".</summary>
    public static string Label(FunnelStep step) => step switch
    {
        FunnelStep.Mqls => "MQLs",
        FunnelStep.Sqls => "SQLs",
        _ => step.ToString(),
    };

    /// <summary>The step after <paramref name="step"/>, or null for <see cref="FunnelStep.Customers"/>.</summary>
    public static FunnelStep? Next(FunnelStep step) => step == FunnelStep.Customers ? null : step + 1;
}
