using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Attribution.Reports;
using Northstar.Server.Hosting;
using Northstar.Server.Pages.Dashboard;

namespace Northstar.Server.Pages.W;

/// <summary>
/// <c>/w/{workspace}/attribution</c>: the period's new customers credited per channel by several
/// models side by side (ModelComparisonReport), as a table and one grouped bar chart.
/// </summary>
public sealed class AttributionModel : WorkspacePageModel
{
    /// <summary>The models compared, in column order.</summary>
    public static IReadOnlyList<string> Compared { get; } = ["first", "last", "last_non_direct", "linear", "position", "time_decay", "markov", "shapley"];

    public override string Tab => "attribution";

    public ModelComparison? Comparison { get; private set; }

    protected override void Load()
    {
        var period = ResolvePeriod();
        var services = HttpContext.RequestServices;
        var data = services.GetRequiredService<WorkspaceEngines>().Attribution(Workspace, period.Range);
        var models = Compared.Select(n => data.Model(n, out _)).OfType<Core.Attribution.Reports.AttributionModel>().ToList();
        var comparison = ModelComparisonReport.Compare(data.Customers, models);
        Comparison = comparison;
        var rows = comparison.Rows.Select(r => (IReadOnlyList<DashCell>)
            [r.Key, .. r.Conversions.Select(c => Fmt.Cell(c, 1)), Fmt.PercentCell(r.Spread)]).ToList();
        Tables.Add(new DashTable("models", $"New customers by channel, {period.Label}", ["channel", .. comparison.Models, "spread of shares"], rows)
        {
            Caption = $"{comparison.Conversions:N0} customers credited by every model; {comparison.UntouchedConversions:N0} had no touch in the {data.Config.LookbackDays}-day look-back (counted, not credited). Spread: the highest model's share less the lowest's.",
        });
    }
}
