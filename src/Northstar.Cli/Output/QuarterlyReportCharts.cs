using Northstar.Cli.Commands;
using Northstar.Core.Reports;

namespace Northstar.Cli.Output;

/// <summary>The quarterly report's charts, keyed by the title of the section they follow.</summary>
internal static class QuarterlyReportCharts
{
    public static IReadOnlyDictionary<string, BarChart> Build(QuarterlyReport report)
    {
        var charts = new Dictionary<string, BarChart>(StringComparer.Ordinal);
        var paced = report.Goals.Where(g => g.Pacing.Attainment is not null).ToList();
        if (paced.Count > 0)
        {
            charts["Goals"] = new BarChart(
                "Attainment: actual to date as a share of the target to date (outline: 100%, on plan); for a ceiling, under it reads above 100%.",
                [.. paced.Select(g => new Bar(
                    g.Pacing.Goal.Id,
                    g.Pacing.Attainment!.Value * 100,
                    100,
                    PlanCommandFormat.Count(g.Pacing.Attainment.Value * 100) + "%",
                    null,
                    g.Pacing.Status is Core.Goals.PacingStatus.OffTrack))]);
        }

        if (report.Funnel is { } funnel)
        {
            charts["Funnel against plan"] = new BarChart(
                "Each stage: reached (filled) against what the plan expected of it given what entered (outline); log scale. Red: the bottleneck.",
                [.. funnel.Stages.Select(s => new Bar(
                    s.Label,
                    s.Actual,
                    s.Expected,
                    PlanCommandFormat.Count(s.Actual),
                    PlanCommandFormat.Count(s.Expected),
                    funnel.Bottleneck == s))],
                LogScale: true);
        }

        return charts;
    }
}
