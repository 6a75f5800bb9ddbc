namespace Northstar.Core.Facts;

/// <summary>Funnel stages in funnel order (KPIS.md); <see cref="Churned"/> follows <see cref="Customer"/>.</summary>
public enum Stage
{
    Lead,
    Iql,
    Mql,
    Sal,
    Sql,
    Opportunity,
    Proposal,
    Customer,
    Churned,
}
