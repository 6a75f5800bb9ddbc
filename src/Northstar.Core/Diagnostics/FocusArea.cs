namespace Northstar.Core.Diagnostics;

/// <summary>What to work on when a stage is the bottleneck (DESIGN.md, "Diagnostics").</summary>
/// <param name="Id">Stable snake_case id, e.g. <c>lead_nurturing</c>.</param>
/// <param name="Name">As people read it: "Lead nurturing".</param>
/// <param name="Advice">One sentence on what to do.</param>
/// <param name="KpisToWatch">KPI ids of the catalogue to watch while working on it.</param>
public sealed record FocusArea(string Id, string Name, string Advice, IReadOnlyList<string> KpisToWatch);
