using Northstar.Core.Channels;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>What a <see cref="RowMapper"/> is built from.</summary>
internal sealed record MapperSetup(
    ColumnSet Columns,
    ChannelGrouping Grouping,
    ImportOptions Options,
    int BatchSize,
    Action<FactBatch> Send);
