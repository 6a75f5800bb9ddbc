using Northstar.Core.Facts;
using Northstar.Core.Metrics.Measures;
using static Northstar.Core.Metrics.KpiDirection;
using static Northstar.Core.Metrics.KpiUnit;

namespace Northstar.Core.Metrics.Kpis;

internal sealed partial class KpiCatalog
{
    /// <summary>The stage pairs KPIS.md names for conversion rates and velocities.</summary>
    public static IReadOnlyList<(Stage From, Stage To)> StagePairs { get; } =
    [
        (Stage.Lead, Stage.Mql), (Stage.Mql, Stage.Sal), (Stage.Mql, Stage.Sql), (Stage.Sal, Stage.Sql),
        (Stage.Sql, Stage.Opportunity), (Stage.Opportunity, Stage.Proposal), (Stage.Proposal, Stage.Customer),
        (Stage.Lead, Stage.Customer),
    ];

    private void AddFunnel()
    {
        foreach (var stage in Enum.GetValues<Stage>().Where(s => s != Stage.Churned))
        {
            var id = MeasureRegistry.StagePlural(stage);
            Measure(id, stage == Stage.Opportunity ? "Opportunities" : Display(stage) + "s", UpIsGood);
        }

        Formula("visitor_to_lead_rate", "Visitor to lead rate", Ratio, UpIsGood, "leads / visitors", "leads / distinct visitors in the period (period ratio)", []);
        foreach (var (from, to) in StagePairs)
        {
            AddStagePair(from, to);
        }

        Add(new SlaComplianceKpi(new KpiDefinition(
            "sla_compliance", "SLA compliance", Ratio, UpIsGood,
            "share of the MQLs of the period whose first sales activity (call, email, meeting) came within the SLA (default 24 h)",
            ContactDimensions.Names)));
        Measure("meetings_booked", "Meetings booked", UpIsGood);
        Formula(
            "email_success_rate", "Email success rate", Ratio, UpIsGood, "(email_replies + email_clicks) / emails_sent",
            "emails that got a reply or a click / emails sent (event counts: an email both clicked and replied to counts twice)");
        Measure("icp_leads", "ICP leads", UpIsGood);
        Measure("referrals", "Referrals", UpIsGood);
        Formula(
            "new_to_lost_ratio", "New to lost ratio", Ratio, UpIsGood, "customers / churned",
            "contacts entering customer / contacts entering churned in the period; 1.0 means growth has stalled");
    }

    private void AddStagePair(Stage from, Stage to)
    {
        var a = SnakeCaseNames<Stage>.Name(from);
        var b = SnakeCaseNames<Stage>.Name(to);
        var label = $"{Display(from)} to {Display(to)}";
        Formula(
            $"{a}_to_{b}_rate", $"{label} rate (period)", Ratio, UpIsGood,
            $"{MeasureRegistry.StagePlural(to)} / {MeasureRegistry.StagePlural(from)}",
            $"period ratio: contacts entering {b} in the period / contacts entering {a} in the period (can exceed 100%)");
        Add(new CohortRateKpi(
            new KpiDefinition(
                $"{a}_to_{b}_cohort_rate", $"{label} rate (cohort)", Ratio, UpIsGood,
                $"cohort rate: of the contacts entering {a} in the period, the share entering {b} within the window (default 90 days); open cohorts are flagged incomplete",
                ContactDimensions.Names),
            from,
            to));
        Add(new VelocityKpi(
            new KpiDefinition(
                $"{a}_to_{b}_days", $"{label} days (median)", Days, DownIsGood,
                $"median days from entering {a} to entering {b}, over the contacts entering {b} in the period",
                ContactDimensions.Names),
            from,
            to,
            0.5));
        Add(new VelocityKpi(
            new KpiDefinition(
                $"{a}_to_{b}_days_p90", $"{label} days (p90)", Days, DownIsGood,
                $"90th percentile of the days from entering {a} to entering {b}, over the contacts entering {b} in the period",
                ContactDimensions.Names),
            from,
            to,
            0.9));
    }

    private static string Display(Stage stage) => stage switch
    {
        Stage.Iql or Stage.Mql or Stage.Sal or Stage.Sql => SnakeCaseNames<Stage>.Name(stage).ToUpperInvariant(),
        _ => char.ToUpperInvariant(SnakeCaseNames<Stage>.Name(stage)[0]) + SnakeCaseNames<Stage>.Name(stage)[1..],
    };
}
