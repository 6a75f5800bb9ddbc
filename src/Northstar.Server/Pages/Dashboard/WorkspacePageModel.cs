using System.Text;
using System.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Workspaces;
using Northstar.Server.Hosting;
using Northstar.Server.Pages.Export;

namespace Northstar.Server.Pages.Dashboard;

/// <summary>
/// A dashboard page of one workspace (<c>/w/{workspace}/...</c>): the caller's workspace and role
/// resolved before any handler runs (a 404 page when the caller cannot see it, whether it exists
/// or not), the workspace's engine, and the tables the page shows, each downloadable as CSV
/// (<c>?handler=Csv&amp;table=name</c>, formula-injection safe).
/// </summary>
public abstract class WorkspacePageModel : PageModel
{
    private WorkspaceContext? _context;
    private MetricsEngine? _engine;

    /// <summary>The workspace's name as in the route.</summary>
    [FromRoute(Name = WorkspaceAccess.RouteKey)]
    public string WorkspaceName { get; set; } = "";

    /// <summary>The caller's workspace and role.</summary>
    public WorkspaceContext Access => _context ?? throw new InvalidOperationException("The workspace is resolved before a handler runs.");

    public Workspace Workspace => Access.Workspace;

    /// <summary>True when the caller may change goals and custom KPIs.</summary>
    public bool CanEdit => Access.Role >= WorkspaceRole.Editor;

    /// <summary>True when the caller may manage write keys.</summary>
    public bool IsAdmin => Access.Role >= WorkspaceRole.Admin;

    /// <summary>The workspace's metrics engine (kept between requests).</summary>
    public MetricsEngine Engine => _engine ??= HttpContext.RequestServices.GetRequiredService<WorkspaceEngines>().For(Workspace);

    /// <summary><c>?view=month|quarter</c>.</summary>
    [FromQuery(Name = "view")]
    public string? View { get; set; }

    /// <summary><c>?period=2025-09</c> or <c>2025-Q3</c> (any period the CLI reads); default: the latest with data.</summary>
    [FromQuery(Name = "period")]
    public string? PeriodText { get; set; }

    /// <summary>True for the quarter view (asked for, or a quarter named in the period).</summary>
    public bool Quarterly => View == "quarter" || (View is null && PeriodText?.Contains('Q', StringComparison.Ordinal) == true);

    /// <summary>The page's period, set by <see cref="ResolvePeriod"/>.</summary>
    public Period Period { get; private set; } = null!;

    /// <summary>Drops this request's engine (after a custom KPI or setting changed) so the next use takes a fresh one.</summary>
    protected void RefreshEngine() => _engine = null;

    /// <summary>The tables on the page, filled by <see cref="Load"/>.</summary>
    public List<DashTable> Tables { get; } = [];

    /// <summary>Which of the dashboard's tabs this page is (for the navigation).</summary>
    public abstract string Tab { get; }

    /// <summary>A link to another page of this workspace, e.g. <c>Link("funnel")</c>.</summary>
    public string Link(string page = "", string? query = null) =>
        "/w/" + Uri.EscapeDataString(Workspace.Name) + (page.Length == 0 ? "" : "/" + page) + (query is null ? "" : "?" + query);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        _context = WorkspaceAccess.Resolve(HttpContext, WorkspaceName);
        if (_context is null)
        {
            context.Result = NoSuchWorkspace(WorkspaceName);
            return;
        }

        await next().ConfigureAwait(false);
    }

    /// <summary>Fills <see cref="Tables"/> (and the page's charts) for the query string as it is.</summary>
    protected abstract void Load();

    /// <summary>The page: its tables and charts.</summary>
    public virtual IActionResult OnGet()
    {
        Load();
        return Page();
    }

    /// <summary>One of the page's tables as a CSV file.</summary>
    public IActionResult OnGetCsv(string? table)
    {
        Load();
        if (Tables.FirstOrDefault(t => t.Name == table) is not { } found)
        {
            return NotFound();
        }

        var csv = SafeCsv.Write(found.Header, found.Rows.Select(r => r.Select(c => (string?)c.Export).ToList()));
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{Workspace.Name}-{found.Name}.csv");
    }

    /// <summary>Sets <see cref="Period"/> from the query string, or the default of the view (see <see cref="DashboardPeriods.Resolve"/>).</summary>
    protected Period ResolvePeriod()
    {
        var today = Engine.Today;
        var lastDay = HttpContext.RequestServices.GetRequiredService<WorkspaceEngines>().LastDataDay(Workspace, today);
        Period = DashboardPeriods.Resolve(PeriodText, Quarterly, Engine.Calendar, today, lastDay);
        return Period;
    }

    /// <summary>This page for the other view at the same time (the quarter holding the month, or the quarter's last month).</summary>
    public string SwitchLink(bool toQuarter)
    {
        var day = toQuarter ? Period.Range.Start : Period.Range.End.AddDays(-1);
        var target = DashboardPeriods.Containing(day, toQuarter, Engine.Calendar);
        return PeriodLink(toQuarter, target);
    }

    /// <summary>This page for the period before (-1) or after (+1).</summary>
    public string StepLink(int step)
    {
        var day = step < 0 ? Period.Range.Start.AddDays(-1) : Period.Range.End;
        return PeriodLink(Quarterly, DashboardPeriods.Containing(day, Quarterly, Engine.Calendar));
    }

    private string PeriodLink(bool quarter, Period period)
    {
        var query = HttpUtility.ParseQueryString(Request.QueryString.Value ?? "");
        query["view"] = quarter ? "quarter" : "month";
        query["period"] = period.Label;
        query.Remove("handler");
        return Link(Tabs.All.First(t => t.Tab == Tab).Path, query.ToString());
    }

    /// <summary>A 403 page for a role too low.</summary>
    protected IActionResult Forbidden(string need) => new ContentResult
    {
        StatusCode = 403,
        ContentType = "text/html; charset=utf-8",
        Content = $"<!doctype html><title>Not allowed</title><h1>Not allowed</h1><p>This needs the {need} role in this workspace.</p>",
    };

    /// <summary>The page for a workspace the caller cannot see: 404, the same whether it exists or not.</summary>
    internal static ContentResult NoSuchWorkspace(string name) => new()
    {
        StatusCode = 404,
        ContentType = "text/html; charset=utf-8",
        Content = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title><link rel=\"stylesheet\" href=\"/assets/css/site.css\"></head>"
            + $"<body><main class=\"notfound\"><h1>Not found</h1><p>There is no workspace '{System.Net.WebUtility.HtmlEncode(name)}' that you can see.</p><p><a href=\"/\">Back</a></p></main></body></html>",
    };
}
