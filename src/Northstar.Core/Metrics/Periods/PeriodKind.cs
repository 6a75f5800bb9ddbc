namespace Northstar.Core.Metrics.Periods;

/// <summary>What sort of span a <see cref="Period"/> is, which decides its label and its comparisons.</summary>
public enum PeriodKind
{
    /// <summary>One day: 2025-07-14.</summary>
    Day,

    /// <summary>An ISO week, Monday to Sunday: 2025-W07.</summary>
    Week,

    /// <summary>A calendar month: 2025-07.</summary>
    Month,

    /// <summary>A calendar quarter: 2025-Q3.</summary>
    Quarter,

    /// <summary>A calendar half year: 2025-H1.</summary>
    Half,

    /// <summary>A calendar year: 2025.</summary>
    Year,

    /// <summary>A quarter of the fiscal year: FY2026-Q1.</summary>
    FiscalQuarter,

    /// <summary>A half of the fiscal year: FY2026-H2.</summary>
    FiscalHalf,

    /// <summary>A fiscal year: FY2026.</summary>
    FiscalYear,

    /// <summary>Any run of whole days, both ends written inclusive: 2025-07-01..2025-09-30.</summary>
    Custom,
}
