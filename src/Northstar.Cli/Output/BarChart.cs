namespace Northstar.Cli.Output;

/// <summary>
/// Horizontal bars, one pair a row: the value (filled) against its reference (an outline), e.g. a
/// stage's actual volume against what the plan expected. Drawn as inline SVG by <see cref="BarChartSvg"/>.
/// </summary>
/// <param name="Caption">What the bars show, and what the outline is.</param>
/// <param name="Bars">One bar a row, top first.</param>
/// <param name="LogScale">Lengths by log10(1 + value): a funnel spans orders of magnitude.</param>
internal sealed record BarChart(string Caption, IReadOnlyList<Bar> Bars, bool LogScale = false);

/// <summary>One row of a <see cref="BarChart"/>: a label, the value and its reference (null: none), and their texts.</summary>
internal sealed record Bar(string Label, double Value, double? Reference, string ValueText, string? ReferenceText, bool Highlight = false);
