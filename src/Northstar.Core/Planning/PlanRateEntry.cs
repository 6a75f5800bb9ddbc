namespace Northstar.Core.Planning;

/// <summary>One stage-to-stage rate of a <see cref="PlanDocument"/>: from and to as KPI ids (sessions, leads, ...).</summary>
public sealed record PlanRateEntry(string From, string To, double Rate, PlanSource Source);
