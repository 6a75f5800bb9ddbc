namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The stage rollup summed over every value but one dimension's (or over all of them): how many
/// contacts reached a moment on a day with that value.
/// </summary>
/// <param name="Day">The local day of the moment.</param>
/// <param name="Value">The dimension's value, empty when the contacts have none (or for the total).</param>
/// <param name="Count">How many contacts.</param>
public sealed record StageCountRow(DateOnly Day, string Value, long Count);
