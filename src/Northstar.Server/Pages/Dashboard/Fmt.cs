using System.Globalization;
using Northstar.Core.Metrics;

namespace Northstar.Server.Pages.Dashboard;

/// <summary>How the dashboard writes numbers: by the KPI's unit, invariant culture, exact values in the CSV.</summary>
public static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A value of a KPI of that unit, e.g. "12,345", "$1.2M", "3.4%", "12.0 d"; "-" for none.</summary>
    public static string Value(double? value, KpiUnit unit) => value switch
    {
        null => "-",
        { } v when double.IsNaN(v) || double.IsInfinity(v) => "-",
        { } v => unit switch
        {
            KpiUnit.Money => Money(v),
            KpiUnit.Ratio => Percent(v),
            KpiUnit.Days => v.ToString("N1", Inv) + " d",
            KpiUnit.Score => v.ToString("N1", Inv),
            _ => Math.Abs(v - Math.Round(v)) < 1e-9 ? v.ToString("N0", Inv) : v.ToString("N1", Inv),
        },
    };

    /// <summary>Money: whole dollars below 100k, then k and M with one decimal.</summary>
    public static string Money(double v) => Math.Abs(v) switch
    {
        >= 1e6 => (v / 1e6).ToString("N2", Inv) + "M",
        >= 1e5 => (v / 1e3).ToString("N1", Inv) + "k",
        _ => v.ToString("N0", Inv),
    };

    /// <summary>A ratio as a percentage with one decimal.</summary>
    public static string Percent(double? v) => v is { } x && double.IsFinite(x) ? (x * 100).ToString("N1", Inv) + "%" : "-";

    /// <summary>A plain count or amount with the given decimals.</summary>
    public static string Number(double? v, int decimals = 0) => v is { } x && double.IsFinite(x) ? x.ToString("N" + decimals.ToString(Inv), Inv) : "-";

    /// <summary>The exact value for a CSV cell (round-trip, invariant); empty for none.</summary>
    public static string Raw(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", Inv) : "";

    /// <summary>The exact value of an amount for a CSV cell.</summary>
    public static string Raw(decimal? v) => v?.ToString(Inv) ?? "";

    /// <summary>A moment to the minute as stored (UTC offset not shown), e.g. "2026-03-01 14:05"; empty for none.</summary>
    public static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", Inv) ?? "";

    /// <summary>A cell showing a KPI value, exporting it exactly.</summary>
    public static DashCell Cell(double? value, KpiUnit unit) => new(Value(value, unit), Raw(value));

    /// <summary>A cell showing a number with decimals, exporting it exactly.</summary>
    public static DashCell Cell(double? value, int decimals = 0) => new(Number(value, decimals), Raw(value));

    /// <summary>A cell showing a percentage, exporting the ratio exactly.</summary>
    public static DashCell PercentCell(double? value) => new(Percent(value), Raw(value));
}
