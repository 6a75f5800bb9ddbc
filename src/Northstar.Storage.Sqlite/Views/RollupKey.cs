using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>The key of one event rollup row (without the workspace): type, local day number, dimension values.</summary>
internal readonly record struct RollupKey(EventType Type, int Day, EventDims Dims);
