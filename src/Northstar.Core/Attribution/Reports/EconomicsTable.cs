namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// ROI, ROAS and CAC per channel under one model. The rows, <see cref="Untouched"/> (customers
/// and revenue without a touch: no channel, no spend) and spend of channels nobody was
/// credited through add up to <see cref="Total"/>, whose ratios are the blended ones.
/// </summary>
/// <param name="Model">The model's name.</param>
/// <param name="Rows">Channels with spend or credit, most acquisition spend first, then by channel.</param>
/// <param name="Untouched">Customers and revenue without a touch.</param>
/// <param name="Total">All acquisition and media spend, all customers and revenue (untouched included).</param>
public sealed record EconomicsTable(string Model, IReadOnlyList<EconomicsRow> Rows, EconomicsRow Untouched, EconomicsRow Total);
