using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Goals;
using Northstar.Server.Pages.Dashboard;

namespace Northstar.Server.Pages.W;

/// <summary>
/// <c>/w/{workspace}?view=month|quarter&amp;period=2025-09</c>: the headline KPI cards of a month or
/// quarter (default: the latest one with data, see <see cref="DashboardPeriods.Resolve"/>).
/// The response carries a <c>Server-Timing</c> header: the whole computation ("overview") first,
/// then each card's (by KPI id).
/// </summary>
public sealed class OverviewModel : WorkspacePageModel
{
    public override string Tab => "overview";

    public DateOnly AsOf { get; private set; }

    public IReadOnlyList<OverviewCard> Cards { get; private set; } = [];

    protected override void Load()
    {
        var started = Stopwatch.GetTimestamp();
        var services = HttpContext.RequestServices;
        var engine = Engine;
        var today = engine.Today;
        ResolvePeriod();
        AsOf = today;
        var goals = services.GetRequiredService<IGoalStore>().ListGoals(Workspace);
        var custom = services.GetRequiredService<Core.Metrics.ICustomKpiStore>();
        var timings = new List<string>();
        Cards = OverviewBuilder.Build(
            engine, Period, Quarterly, goals, PacingThresholds.Load(custom, Workspace), today,
            (kpi, took) => timings.Add(FormattableString.Invariant($"{kpi};dur={took.TotalMilliseconds:0.0}")));
        Tables.Add(new DashTable(
            "kpis",
            $"KPIs, {Period.Label}",
            ["kpi", "name", "value", "previous", "change", "target", "pacing"],
            [.. Cards.Select(c => (IReadOnlyList<DashCell>)
            [
                c.Kpi.Id, c.Kpi.Name, Fmt.Cell(c.Value, c.Kpi.Unit), Fmt.Cell(c.Change?.Previous, c.Kpi.Unit),
                Fmt.PercentCell(c.Change?.Relative), Fmt.Cell(c.Target, c.Kpi.Unit), c.Pacing is { } p ? PacingText(p.Status) : "",
            ])]));
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Response.Headers.Append("Server-Timing", string.Join(", ", timings.Prepend(FormattableString.Invariant($"overview;dur={ms:0.0}"))));
    }

    public static string PacingText(PacingStatus status) => status switch
    {
        PacingStatus.OnTrack => "on track",
        PacingStatus.AtRisk => "at risk",
        PacingStatus.OffTrack => "off track",
        PacingStatus.NotStarted => "not started",
        _ => "no data",
    };
}
