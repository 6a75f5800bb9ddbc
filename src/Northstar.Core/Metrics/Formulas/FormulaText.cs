using System.Globalization;

namespace Northstar.Core.Metrics.Formulas;

/// <summary>How the canonical text of a formula writes its literals.</summary>
internal static class FormulaText
{
    /// <summary>Shortest text that parses back to the same double ("0.5", "1E+21").</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A string literal with <c>\"</c> and <c>\\</c> escapes.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A filter as the formula language writes it (escaped, unlike <see cref="Filter.ToString"/>).</summary>
    public static string Filter(Filter filter)
    {
        if (filter.Values.Count == 1)
        {
            return $"{filter.Dimension} {(filter.Negated ? "!=" : "=")} {Quote(filter.Values[0])}";
        }

        var list = string.Join(", ", filter.Values.Select(Quote));
        return $"{filter.Dimension} {(filter.Negated ? "not in" : "in")} ({list})";
    }
}
