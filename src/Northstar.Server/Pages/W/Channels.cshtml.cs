using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Server.Hosting;
using Northstar.Server.Pages.Dashboard;

namespace Northstar.Server.Pages.W;

/// <summary>
/// <c>/w/{workspace}/channels?model=linear</c>: per channel the period's spend, leads (by the
/// contact's channel), customers and won revenue credited by the chosen attribution model, CAC,
/// ROAS, ROI (EconomicsReport), CLV (the workspace's, as the catalogue's clv has no channel
/// breakdown) and LTV:CAC (that CLV over the channel's CAC).
/// </summary>
public sealed class ChannelsModel : WorkspacePageModel
{
    [FromQuery(Name = "model")]
    public string? ModelName { get; set; }

    public override string Tab => "channels";

    public string? Error { get; private set; }

    public string Chosen { get; private set; } = "linear";

    protected override void Load()
    {
        var period = ResolvePeriod();
        var services = HttpContext.RequestServices;
        var store = services.GetRequiredService<Core.Storage.IFactStore>();
        var data = services.GetRequiredService<WorkspaceEngines>().Attribution(Workspace, period.Range);
        if (data.Model(ModelName, out var error) is not { } model)
        {
            Error = error;
            return;
        }

        Chosen = model.Name;
        var customers = CreditReport.Compute(data.Customers, model);
        var revenue = CreditReport.Compute(data.Won, model);
        var economics = EconomicsReport.Compute(customers, revenue, store.Read<Spend>(Workspace), period.Range);
        var byChannel = Engine.Run(new MetricQuery("leads", period.Range) { By = Dimensions.Channel });
        var leads = byChannel.Rows.ToDictionary(r => r.Group, r => r.Total, StringComparer.Ordinal);
        var clv = Engine.Find("clv") is null ? null : Engine.Run(new MetricQuery("clv", period.Range)).Rows[0].Total;
        var rows = economics.Rows.Append(economics.Untouched).Append(economics.Total)
            .Select(r => Row(r, ReferenceEquals(r, economics.Total) ? byChannel.Overall?.Total : leads.GetValueOrDefault(r.Channel), clv)).ToList();
        Tables.Add(new DashTable("channels", $"Channels, {period.Label}, {model.Name} attribution", ["channel", "spend", "leads", "customers", "revenue", "CAC", "ROAS", "ROI", "CLV", "LTV:CAC"], rows)
        {
            Caption = "Spend: every kind but service (acquisition). Customers and revenue as the model credits them; CAC = spend / customers, ROAS = revenue / media spend, ROI = (revenue - spend) / spend. "
                + "A channel without recorded spend has no CAC, ROAS or ROI. CLV is the workspace's (the catalogue's clv has no channel breakdown); LTV:CAC = CLV / the channel's CAC. Leads by the contact's channel.",
        });
    }

    private static IReadOnlyList<DashCell> Row(EconomicsRow r, double? leads, double? clv)
    {
        double? cac = r.Cac is { } c ? (double)c : null;
        double? ltv = clv is { } v && cac is > 0 ? v / cac : null;
        return
        [
            r.Channel, new DashCell(Fmt.Money((double)r.AcquisitionSpend), Fmt.Raw(r.AcquisitionSpend)), Fmt.Cell(leads), Fmt.Cell(r.Customers, 1),
            Fmt.Cell(r.Revenue, KpiUnit.Money), Fmt.Cell(cac, KpiUnit.Money), Fmt.Cell(r.Roas, 2), Fmt.PercentCell(r.Roi),
            Fmt.Cell(clv, KpiUnit.Money), Fmt.Cell(ltv, 2),
        ];
    }
}
