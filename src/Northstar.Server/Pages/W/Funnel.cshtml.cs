using Northstar.Core.Diagnostics;
using Northstar.Core.Metrics;
using Northstar.Core.Planning;
using Northstar.Server.Pages.Dashboard;

namespace Northstar.Server.Pages.W;

/// <summary>
/// <c>/w/{workspace}/funnel</c>: stage counts with both kinds of conversion rate (period ratio and
/// cohort rate, incomplete cohorts flagged), and the stages against a plan from the four
/// periods before, the bottleneck (Core/Diagnostics) highlighted with its focus area.
/// </summary>
public sealed class FunnelModel : WorkspacePageModel
{
    /// <summary>Steps and the stage pair whose cohort rate the catalogue keeps (null: none).</summary>
    private static readonly (FunnelStep From, FunnelStep To, string? Cohort)[] Pairs =
    [
        (FunnelStep.Sessions, FunnelStep.Leads, null),
        (FunnelStep.Leads, FunnelStep.Mqls, "lead_to_mql_cohort_rate"),
        (FunnelStep.Mqls, FunnelStep.Sqls, "mql_to_sql_cohort_rate"),
        (FunnelStep.Sqls, FunnelStep.Opportunities, "sql_to_opportunity_cohort_rate"),
        (FunnelStep.Opportunities, FunnelStep.Customers, null),
    ];

    public override string Tab => "funnel";

    public FunnelDiagnosis? Diagnosis { get; private set; }

    public string? DiagnosisProblem { get; private set; }

    public FunnelCounts Counts { get; private set; } = null!;

    protected override void Load()
    {
        var period = ResolvePeriod();
        Counts = FunnelCounts.Read(Engine, period.Range);
        var rows = new List<IReadOnlyList<DashCell>>();
        var incomplete = new HashSet<int>();
        foreach (var (from, to, cohortId) in Pairs)
        {
            double? ratio = Counts[from] > 0 ? Counts[to] / Counts[from] : null;
            double? cohort = null;
            var open = false;
            if (cohortId is not null && Engine.Find(cohortId) is not null)
            {
                var result = Engine.Run(new MetricQuery(cohortId, period.Range) { Label = period.Label });
                cohort = result.Rows[0].Total;
                open = result.Columns.Any(c => c.Incomplete);
            }

            if (open)
            {
                incomplete.Add(rows.Count);
            }

            rows.Add(
            [
                $"{FunnelSteps.Label(from)} -> {FunnelSteps.Label(to)}", Fmt.Cell(Counts[from]), Fmt.Cell(Counts[to]), Fmt.PercentCell(ratio),
                cohortId is null ? new DashCell("-", "") : Fmt.PercentCell(cohort), cohortId is null ? "" : open ? "incomplete" : "complete",
            ]);
        }

        Tables.Add(new DashTable("rates", $"Conversion rates, {period.Label}", ["step", "entered", "reached", "period ratio", "cohort rate", "cohort"], rows)
        {
            Highlighted = incomplete,
            Caption = $"Period ratio: entered the later stage in the period / entered the earlier one in the period (can exceed 100%). Cohort rate: of the contacts entering the earlier stage in the period, the share reaching the later one within {Engine.Options.CohortWindowDays} days; cohorts still inside that window are marked incomplete (highlighted).",
        });
        Diagnose();
    }

    private void Diagnose()
    {
        Diagnosis = FunnelDiagnostics.DiagnoseFromHistory(Engine, Period.Range, out var problem, label: Period.Label);
        DiagnosisProblem = problem;
        if (Diagnosis is not { } d)
        {
            return;
        }

        var rows = d.Stages.Select(s => (IReadOnlyList<DashCell>)
        [
            s.Label, Fmt.Cell(s.Entering), Fmt.Cell(s.Actual), Fmt.PercentCell(s.ActualRate), Fmt.PercentCell(s.PlannedRate),
            Fmt.Cell(s.Expected, 1), Fmt.Cell(s.Shortfall, 1), Fmt.Cell(s.CustomersLost, 2),
        ]).ToList();
        var bottleneck = d.Bottleneck is { } b ? d.Stages.ToList().FindIndex(s => s.Step == b.Step) : -1;
        Tables.Add(new DashTable("stages", "Stages against plan", ["stage", "entering", "actual", "actual rate", "planned rate", "expected", "shortfall", "customers lost"], rows)
        {
            Highlighted = bottleneck >= 0 ? new HashSet<int> { bottleneck } : new HashSet<int>(),
            Caption = string.Join(" ", d.Notes),
        });
    }
}
