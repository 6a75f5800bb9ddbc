namespace Northstar.Core.Attribution.Reports;

/// <summary>Channel influence on MQLs next to influence on revenue (they often differ), under one model.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Rows">Largest difference first (by size, either sign), then by channel.</param>
/// <param name="Mqls">MQLs credited (the MQL journeys with a touch).</param>
/// <param name="Revenue">Won revenue credited.</param>
/// <param name="UntouchedMqls">MQLs without a touch: not credited.</param>
/// <param name="UntouchedRevenue">Won revenue without a touch: not credited.</param>
public sealed record InfluenceTable(string Model, IReadOnlyList<InfluenceRow> Rows, double Mqls, double Revenue, long UntouchedMqls, double UntouchedRevenue);
