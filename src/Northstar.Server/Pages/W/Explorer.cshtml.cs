using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Queries;
using Northstar.Server.Pages.Dashboard;

namespace Northstar.Server.Pages.W;

/// <summary>
/// <c>/w/{workspace}/explorer?kpi=leads&amp;period=2025-Q3&amp;grain=month&amp;by=channel&amp;filter=channel!=direct&amp;compare=previous</c>:
/// any KPI as a table and a line chart, read by the same <see cref="KpiQueryInput"/> as the CLI
/// and the API; and the form that defines a custom KPI (editor role; formula errors shown with
/// their position).
/// </summary>
public sealed class ExplorerModel : WorkspacePageModel
{
    [FromQuery(Name = "kpi")]
    public string? Kpi { get; set; }

    [FromQuery(Name = "grain")]
    public string? GrainText { get; set; }

    [FromQuery(Name = "by")]
    public string? By { get; set; }

    /// <summary>Filters, one per <c>filter=</c> parameter (or several separated by ';').</summary>
    [FromQuery(Name = "filter")]
    public string[] Filter { get; set; } = [];

    [FromQuery(Name = "compare")]
    public string? Compare { get; set; }

    [BindProperty]
    public CustomKpiForm Define { get; set; } = new();

    public override string Tab => "explorer";

    public KpiResult? Result { get; private set; }

    /// <summary>The period as asked (or the default), for the form.</summary>
    public string PeriodInput { get; private set; } = "";

    public string? Problem { get; private set; }

    /// <summary>The formula's errors, each rendered with a caret under its position.</summary>
    public IReadOnlyList<string> DefineErrors { get; private set; } = [];

    public string? Saved { get; private set; }

    protected override void Load()
    {
        Kpi = string.IsNullOrWhiteSpace(Kpi) ? "leads" : Kpi.Trim();
        // Any period the CLI reads (2025, last-30-days, 2025-01-01..2025-03-31); default: the overview's default quarter.
        PeriodInput = string.IsNullOrWhiteSpace(PeriodText) ? DefaultPeriod() : PeriodText.Trim();
        var grain = KpiQueryInput.ReadGrain(GrainText) ?? Grain.Month;
        GrainText = grain.ToString().ToLowerInvariant();
        var input = new KpiQueryInput(Kpi)
        {
            Period = PeriodInput,
            Grain = grain,
            By = string.IsNullOrWhiteSpace(By) ? null : By.Trim(),
            Filters = [.. Filter.SelectMany(f => f.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))],
            Compare = string.IsNullOrWhiteSpace(Compare) ? "previous" : Compare,
        };
        var (query, problem) = input.Read(Engine);
        if (query is null)
        {
            Problem = $"{problem!.Parameter}: {problem.Reason}" + (problem.Pointer() is { } pointer ? "\n" + pointer : "");

            return;
        }

        try
        {
            Result = Engine.Run(query);
        }
        catch (MetricQueryException e)
        {
            Problem = e.Message;
            return;
        }

        Tables.Add(Table(Result));
    }

    private string DefaultPeriod()
    {
        View = "quarter";
        PeriodText = null;
        return ResolvePeriod().Label;
    }

    /// <summary>The result as a table: a row per group, a column per bucket, the total and the change.</summary>
    public static DashTable Table(KpiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var unit = result.Kpi.Unit;
        var rows = result.Rows.Concat(result.Overall is { } o ? [o] : []).Select(r => (IReadOnlyList<DashCell>)
        [
            r.Group.Length == 0 ? (result.Overall is not null && ReferenceEquals(r, result.Overall) ? "all" : result.Kpi.Id) : r.Group,
            .. r.Values.Select(v => Fmt.Cell(v, unit)), Fmt.Cell(r.Total, unit),
            .. result.Query.CompareWith is null ? Array.Empty<DashCell>() : [Fmt.Cell(r.Change?.Previous, unit), Fmt.PercentCell(r.Change?.Relative)],
        ]).ToList();
        string[] header = [result.Query.By ?? "kpi", .. result.Columns.Select(c => c.Incomplete ? c.Label + " (incomplete)" : c.Label), "total",
            .. result.Query.CompareWith is null ? Array.Empty<string>() : ["previous (" + (result.Query.CompareLabel ?? "") + ")", "change"]];
        return new DashTable("result", $"{result.Kpi.Name}, {result.Query.Label}", header, rows)
        {
            Caption = string.Join(" ", new[] { result.Kpi.Definition }.Concat(result.Notes)),
        };
    }

    /// <summary>Saves the custom KPI of the form (editor role), or shows what is wrong with it.</summary>
    public IActionResult OnPostDefine()
    {
        if (Access.Role < WorkspaceRole.Editor)
        {
            return Forbidden("editor");
        }

        var errors = Check(Define, Engine, out var kpi);
        if (errors.Count == 0)
        {
            HttpContext.RequestServices.GetRequiredService<ICustomKpiStore>().SaveCustomKpi(Workspace, kpi!);
            Saved = kpi!.Id;
            RefreshEngine();
            Kpi = kpi.Id;
        }
        else
        {
            DefineErrors = errors;
        }

        Load();
        return Page();
    }

    /// <summary>What is wrong with the form's KPI (empty when it can be saved), checked as <c>kpi define</c> checks it; the KPI when it is right.</summary>
    internal static IReadOnlyList<string> Check(CustomKpiForm form, MetricsEngine engine, out KpiDefinition? kpi)
    {
        var id = form.Id?.Trim() ?? "";
        var formula = form.Formula ?? "";
        var unit = CustomKpiCheck.Unit(form.Unit) ?? KpiUnit.Count;
        var direction = CustomKpiCheck.Direction(form.Direction) ?? KpiDirection.UpIsGood;
        kpi = new KpiDefinition(id, string.IsNullOrWhiteSpace(form.Name) ? id : form.Name.Trim(), unit, direction, formula, []) { Formula = formula };
        var (idProblem, errors) = CustomKpiCheck.Check(engine, kpi);
        IReadOnlyList<string> problems = idProblem is not null ? [idProblem + "."] : [.. errors.Select(x => x.Render(formula))];
        if (problems.Count > 0)
        {
            kpi = null;
        }

        return problems;
    }
}

/// <summary>The custom KPI form.</summary>
public sealed class CustomKpiForm
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Formula { get; set; }

    /// <summary>count, money, ratio, days or score.</summary>
    public string? Unit { get; set; } = "count";

    /// <summary>up, down or neutral.</summary>
    public string? Direction { get; set; } = "up";
}
