namespace Northstar.Core.Planning;

/// <summary>The forward run of a <see cref="PlanDocument"/>: what a steady number of sessions a month gives, per month and over the months left.</summary>
public sealed record PlanForwardEntry(
    double SessionsPerMonth, double Months, IReadOnlyDictionary<string, double> PerMonth, IReadOnlyDictionary<string, double> Total, decimal RevenuePerMonth, decimal Revenue);
