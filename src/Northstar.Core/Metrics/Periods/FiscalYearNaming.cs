namespace Northstar.Core.Metrics.Periods;

/// <summary>
/// Which calendar year a fiscal year that does not start in January is named after.
/// Irrelevant when the fiscal year starts in January (then FY2026 is simply 2026).
/// </summary>
public enum FiscalYearNaming
{
    /// <summary>
    /// Named after the calendar year it ends in: with an October start, FY2026 runs
    /// 2025-10-01..2026-09-30. The usual convention (US federal government, Microsoft, Apple,
    /// Walmart, Australian "FY26"), hence the default.
    /// </summary>
    EndYear,

    /// <summary>
    /// Named after the calendar year it starts in: with a February start, FY2026 runs
    /// 2026-02-01..2027-01-31 (the NRF 4-5-4 retail convention, Target's "fiscal 2024").
    /// </summary>
    StartYear,
}
