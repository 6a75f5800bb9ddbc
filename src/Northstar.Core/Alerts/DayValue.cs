namespace Northstar.Core.Alerts;

/// <summary>A KPI's value on one day (null: no value, e.g. a rate over zero, or an incomplete day).</summary>
public readonly record struct DayValue(DateOnly Day, double? Value);
