namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// One channel's influence on MQLs next to its influence on revenue under one model.
/// </summary>
/// <param name="Channel">The channel.</param>
/// <param name="Mqls">MQLs credited to it.</param>
/// <param name="MqlShare">Its share of the credited MQLs.</param>
/// <param name="Revenue">Won revenue credited to it.</param>
/// <param name="RevenueShare">Its share of the credited won revenue.</param>
/// <param name="Difference">Revenue share less MQL share: positive when the channel brings more revenue than its MQLs suggest.</param>
public sealed record InfluenceRow(string Channel, double Mqls, double MqlShare, double Revenue, double RevenueShare, double Difference);
