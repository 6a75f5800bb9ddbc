namespace Northstar.Storage.ClickHouse.Schema;

/// <summary>
/// A workspace's data version and the token of its kept stage rollup's rows
/// (<see cref="KeptStageRollup"/>); <see cref="Token"/> is 0 when that version's rollup is not kept.
/// </summary>
internal readonly record struct KeptMark(long Workspace, long Version, ulong Token);
