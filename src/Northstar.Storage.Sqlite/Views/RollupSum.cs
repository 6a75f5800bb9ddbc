namespace Northstar.Storage.Sqlite.Views;

/// <summary>A rollup row's measures, or a change to them.</summary>
internal record struct RollupSum(long Count, decimal Value);
