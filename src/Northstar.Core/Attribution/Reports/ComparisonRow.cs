namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// One channel (or campaign) under every compared model: credited conversions and share of
/// them, one entry per model in <see cref="ModelComparison.Models"/> order, and how far apart
/// the models' shares are.
/// </summary>
/// <param name="Key">The channel or campaign.</param>
/// <param name="Conversions">Credited conversions per model (0 when a model credits it nothing).</param>
/// <param name="Shares">Share of the credited conversions per model.</param>
/// <param name="Spread">The highest share less the lowest: where the models disagree.</param>
/// <param name="LowModel">The model giving the lowest share.</param>
/// <param name="HighModel">The model giving the highest share.</param>
public sealed record ComparisonRow(
    string Key,
    IReadOnlyList<double> Conversions,
    IReadOnlyList<double> Shares,
    double Spread,
    string LowModel,
    string HighModel);
