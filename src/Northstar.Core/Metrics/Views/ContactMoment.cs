namespace Northstar.Core.Metrics.Views;

/// <summary>
/// A moment of a contact's lifecycle that the stage rollup counts: entering a stage (the same
/// numbers as <see cref="Facts.Stage"/>) or being first known.
/// </summary>
public enum ContactMoment
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

    /// <summary><see cref="ContactLifecycle.FirstKnownAt"/>.</summary>
    FirstKnown,
}
