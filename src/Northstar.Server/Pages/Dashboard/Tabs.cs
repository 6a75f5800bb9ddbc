namespace Northstar.Server.Pages.Dashboard;

/// <summary>The dashboard's pages in navigation order: id, path under <c>/w/{workspace}</c>, label.</summary>
public static class Tabs
{
    public static IReadOnlyList<(string Tab, string Path, string Label)> All { get; } =
    [
        ("overview", "", "Overview"),
        ("funnel", "funnel", "Funnel"),
        ("channels", "channels", "Channels"),
        ("attribution", "attribution", "Attribution"),
        ("goals", "goals", "Goals & plan"),
        ("explorer", "explorer", "KPI explorer"),
        ("data", "data", "Data"),
    ];
}
