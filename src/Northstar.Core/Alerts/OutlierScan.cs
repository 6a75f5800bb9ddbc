namespace Northstar.Core.Alerts;

/// <summary>What <see cref="DailyOutliers"/> found: the outliers, and the days it could not judge and why.</summary>
/// <param name="Alerts">One alert per outlying day, in KPI then day order.</param>
/// <param name="Notes">Per KPI, the days skipped for too short a history (or nothing to judge).</param>
public sealed record OutlierScan(IReadOnlyList<Alert> Alerts, IReadOnlyList<string> Notes);
