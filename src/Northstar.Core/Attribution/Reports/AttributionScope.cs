namespace Northstar.Core.Attribution.Reports;

/// <summary>What an attribution output was computed on, as its heading and its JSON say it.</summary>
/// <param name="Source">"store" or the path table's file name.</param>
/// <param name="Conversion">The conversion journeys run up to (null for a path table).</param>
/// <param name="Period">The period's label and days, or null for all time.</param>
/// <param name="LookbackDays">The look-back window (null for a path table).</param>
public sealed record AttributionScope(string Source, string? Conversion, string? Period, int? LookbackDays)
{
    /// <summary>One line: "customer conversions, 2025 (2025-01-01..2025-12-31), 90-day look-back" or "path table paths.csv".</summary>
    public string Describe() => Conversion is null
        ? $"path table {Source}"
        : $"{Conversion} conversions, {Period ?? "all time"}, {LookbackDays}-day look-back";
}
