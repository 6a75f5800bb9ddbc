namespace Northstar.Core.Attribution.Reports;

/// <summary>One channel's (or campaign's) credit under a model, and its share of all credited conversions and value.</summary>
public sealed record CreditRow(string Key, double Conversions, double Value, double ConversionShare, double ValueShare);
