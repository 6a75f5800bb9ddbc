using Northstar.Cli.Output;
using Northstar.Core.Planning;
using static Northstar.Cli.Commands.PlanCommandFormat;

namespace Northstar.Cli.Commands;

/// <summary>The plan cut into the blocks every text format shows: summary, quarters, months, rates, forward run, gap closers, channels.</summary>
internal static class PlanCommandSections
{
    private static readonly string[] StepHeaders = [.. FunnelSteps.All.Select(FunnelSteps.Label)];

    public static IReadOnlyList<ReportSection> Build(FunnelPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sections = new List<ReportSection> { Summary(plan), Quarters(plan), Months(plan), Rates(plan) };
        if (plan.Forward is { } forward)
        {
            sections.Add(Forward(forward));
        }

        if (plan.Gap is { } gap)
        {
            sections.Add(Gap(gap));
        }

        if (plan.Channels.Count > 0)
        {
            sections.Add(Channels(plan));
        }

        return sections;
    }

    private static ReportSection Summary(FunnelPlan plan)
    {
        var customers = plan.Total[FunnelStep.Customers];
        var months = plan.Months.Count;
        var lines = new List<string>
        {
            $"Goal: {Money(plan.RevenueGoal)} new revenue over {plan.Period.Label} ({plan.Period.Range}).",
            $"Average new customer: {Money(plan.DealSize.Amount)} ({plan.DealSize.Source.Description}).",
            $"Customers needed: {Count(customers)} over the period, {Count(customers / months)} a month on average.",
            $"Split: {plan.Split.Basis}.",
        };
        lines.AddRange(plan.Notes.Select(n => "Note: " + n));
        return new ReportSection($"Reverse-funnel plan {plan.Period.Label}", lines, [], []);
    }

    private static ReportSection Quarters(FunnelPlan plan)
    {
        var headers = new List<string> { "Step" };
        headers.AddRange(plan.Quarters.Select(q => q.Label));
        headers.Add(plan.Period.Label);
        var rows = FunnelSteps.All
            .Select(step => (IReadOnlyList<string>)[FunnelSteps.Label(step), .. plan.Quarters.Select(q => Count(q.Counts[step])), Count(plan.Total[step])])
            .ToList();
        return new ReportSection("Needed by quarter", [], headers, rows);
    }

    private static ReportSection Months(FunnelPlan plan)
    {
        var rows = plan.Months
            .Select(m => (IReadOnlyList<string>)[m.Label, Rate(m.Share), .. m.Counts.Values.Select(Count)])
            .ToList();
        return new ReportSection("Needed by month", [], ["Month", "Share", .. StepHeaders], rows);
    }

    private static ReportSection Rates(FunnelPlan plan)
    {
        var rows = plan.Rates.Steps
            .Select(r => (IReadOnlyList<string>)[r.Label, Rate(r.Rate), r.Source.Description])
            .ToList();
        return new ReportSection("Rates", [], ["Step", "Rate", "Source"], rows);
    }

    private static ReportSection Forward(ForwardRun forward)
    {
        var rows = FunnelSteps.All
            .Select(step => (IReadOnlyList<string>)[FunnelSteps.Label(step), Count(forward.PerMonth[step]), Count(forward.Total[step])])
            .Append(["Revenue", Money(forward.RevenuePerMonth), Money(forward.Revenue)])
            .ToList();
        return new ReportSection(
            $"Forwards from {Count(forward.SessionsPerMonth)} sessions a month", [], ["Step", "A month", $"{Count(forward.Months)} months"], rows);
    }

    private static ReportSection Gap(GapAnalysis gap)
    {
        if (!gap.HasGap)
        {
            return new ReportSection("Gap", [gap.Explanation], [], []);
        }

        var lines = new List<string>
        {
            $"The forward run reaches {Count(gap.ForecastCustomers)} customers of the {Count(gap.TargetCustomers)} needed.",
            gap.Explanation,
        };
        var rows = gap.Options
            .Select((o, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), o.Label, Rate(o.Current), Rate(o.Needed),
                Signed(o.RelativeChange), Points(o.PointsChange), o.Closes ? "yes" : "no", o.Note])
            .ToList();
        return new ReportSection("Single rate improvements that close the gap", lines, ["#", "Improve", "Now", "Needed", "Relative", "Points", "Closes", "Why"], rows);
    }

    private static ReportSection Channels(FunnelPlan plan)
    {
        var rows = plan.Channels
            .Select(c => (IReadOnlyList<string>)[
                c.Channel, Rate(c.GoalShare),
                .. c.Needed is { } needed ? needed.Values.Select(Count) : StepHeaders.Select(_ => "-"),
                c.Problems.Count == 0 ? "" : string.Join(" ", c.Problems.Select(p => p.Message))])
            .ToList();
        return new ReportSection("Needed by channel", [], ["Channel", "Goal share", .. StepHeaders, "Problem"], rows);
    }
}
