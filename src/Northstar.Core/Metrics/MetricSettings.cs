using System.Globalization;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Metrics;

/// <summary>The workspace settings that shape <see cref="MetricOptions"/>, by key.</summary>
public static class MetricSettings
{
    /// <summary>The workspace's own brand in the mentions series.</summary>
    public const string Brand = "brand";

    /// <summary>The month (1-12) the fiscal year starts in.</summary>
    public const string FiscalYearStartMonth = "fiscal_year_start_month";

    /// <summary>The cohort conversion window in days.</summary>
    public const string CohortWindowDays = "cohort_window_days";

    /// <summary>The marketing-to-sales SLA in hours.</summary>
    public const string SalesSlaHours = "sales_sla_hours";

    /// <summary>Gross margin, 0..1.</summary>
    public const string GrossMargin = "gross_margin";

    /// <summary>Goal pacing: the attainment from which a goal is on track (0..1, default 0.95); see <see cref="Goals.PacingThresholds"/>.</summary>
    public const string PacingOnTrack = "pacing_on_track";

    /// <summary>Goal pacing: the attainment from which a goal is at risk rather than off track (0..1, default 0.85).</summary>
    public const string PacingAtRisk = "pacing_at_risk";

    /// <summary>Every key, for listing and validation.</summary>
    public static IReadOnlyList<string> All { get; } = [Brand, FiscalYearStartMonth, CohortWindowDays, SalesSlaHours, GrossMargin, PacingOnTrack, PacingAtRisk];

    /// <summary>The options with the workspace's settings applied over the defaults.</summary>
    public static MetricOptions Load(ICustomKpiStore store, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(store);
        var options = new MetricOptions();
        if (store.GetSetting(workspace, Brand) is { Length: > 0 } brand)
        {
            options = options with { Brand = brand };
        }

        if (Int(store, workspace, FiscalYearStartMonth) is { } month)
        {
            options = options with { FiscalYearStartMonth = month };
        }

        if (Int(store, workspace, CohortWindowDays) is { } days)
        {
            options = options with { CohortWindowDays = days };
        }

        if (Double(store, workspace, SalesSlaHours) is { } hours)
        {
            options = options with { SalesSla = TimeSpan.FromHours(hours) };
        }

        if (Double(store, workspace, GrossMargin) is { } margin)
        {
            options = options with { GrossMargin = margin };
        }

        return options;
    }

    /// <summary>Why a value is not valid for the key, or null when it is.</summary>
    public static string? Validate(string key, string value) => key switch
    {
        Brand => value.Length == 0 ? "the brand must not be empty" : null,
        FiscalYearStartMonth => int.TryParse(value, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? null : "expected a month number 1-12",
        CohortWindowDays => int.TryParse(value, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 3660 ? null : "expected a number of days 1-3660",
        SalesSlaHours => double.TryParse(value, CultureInfo.InvariantCulture, out var h) && h > 0 ? null : "expected a positive number of hours",
        GrossMargin => double.TryParse(value, CultureInfo.InvariantCulture, out var g) && g is > 0 and <= 1 ? null : "expected a share between 0 and 1, e.g. 0.8",
        PacingOnTrack or PacingAtRisk => double.TryParse(value, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 1 ? null : "expected a share of the target to date between 0 and 1, e.g. 0.95",
        _ => $"unknown setting '{key}' (known: {string.Join(", ", All)})",
    };

    private static int? Int(ICustomKpiStore store, Workspace workspace, string key) =>
        int.TryParse(store.GetSetting(workspace, key), CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? Double(ICustomKpiStore store, Workspace workspace, string key) =>
        double.TryParse(store.GetSetting(workspace, key), CultureInfo.InvariantCulture, out var value) ? value : null;
}
