using System.Globalization;
using Northstar.Core.Metrics;

namespace Northstar.Cli.Output;

/// <summary>How KPI values read in a table: by unit, invariant culture, "-" for no value.</summary>
internal static class ValueFormat
{
    /// <summary>Money at or above this size drops its cents.</summary>
    private const double LargeMoney = 10_000;

    /// <summary>
    /// Money 1,234.50 (12,345 when large, or when <paramref name="wholeMoney"/>: a row with one
    /// large amount shows all its amounts without cents), ratios 12.3%, days 4.5, counts 1,234, scores 42.0.
    /// </summary>
    public static string Value(double? value, KpiUnit unit, bool wholeMoney = false)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "-";
        }

        return unit switch
        {
            KpiUnit.Money => v.ToString(wholeMoney || Math.Abs(v) >= LargeMoney ? "N0" : "N2", CultureInfo.InvariantCulture),
            KpiUnit.Ratio => (v * 100).ToString("N1", CultureInfo.InvariantCulture) + "%",
            KpiUnit.Days => v.ToString("N1", CultureInfo.InvariantCulture),
            KpiUnit.Count => v.ToString("N0", CultureInfo.InvariantCulture),
            _ => v.ToString("N1", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>True when one of a row's amounts is large enough to drop the cents of all of them.</summary>
    public static bool WholeMoney(IEnumerable<double?> values) =>
        values.Any(v => v is { } x && double.IsFinite(x) && Math.Abs(x) >= LargeMoney);

    /// <summary>A signed difference in the KPI's unit; for ratios in percentage points ("+2.5 pp").</summary>
    public static string Absolute(double? change, KpiUnit unit, bool wholeMoney = false)
    {
        if (change is not { } c || !double.IsFinite(c))
        {
            return "-";
        }

        var sign = c > 0 ? "+" : "";
        return unit == KpiUnit.Ratio
            ? sign + (c * 100).ToString("N1", CultureInfo.InvariantCulture) + " pp"
            : sign + Value(c, unit, wholeMoney);
    }

    /// <summary>A signed relative change, "+12.3%".</summary>
    public static string Relative(double? change)
    {
        if (change is not { } c || !double.IsFinite(c))
        {
            return "-";
        }

        return (c > 0 ? "+" : "") + (c * 100).ToString("N1", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>An arrow for the movement and a word for what it means: "▲ good", "▼ bad", "▲", "=".</summary>
    public static string Verdict(KpiChange? change)
    {
        if (change is null)
        {
            return "";
        }

        var arrow = change.Absolute switch
        {
            > 0 => "▲",
            < 0 => "▼",
            _ => "=",
        };
        return change.Verdict switch
        {
            ChangeVerdict.Better => arrow + " good",
            ChangeVerdict.Worse => arrow + " bad",
            ChangeVerdict.Unknown => "-",
            _ => arrow,
        };
    }

    /// <summary>Spectre markup colouring the verdict: green when good, red when bad.</summary>
    public static string VerdictMarkup(KpiChange? change)
    {
        var text = Spectre.Console.Markup.Escape(Verdict(change));
        return change?.Verdict switch
        {
            ChangeVerdict.Better => $"[green]{text}[/]",
            ChangeVerdict.Worse => $"[red]{text}[/]",
            _ => text,
        };
    }

    /// <summary>A number as CSV and machines read it: invariant, round-trippable, empty for no value.</summary>
    public static string Raw(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>The day a range ends on, as people write it (the range's end is exclusive).</summary>
    public static string LastDay(DateRange range) =>
        range.End.AddDays(range.Days == 0 ? 0 : -1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day as yyyy-MM-dd.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
