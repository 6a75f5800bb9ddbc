using System.Text.RegularExpressions;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>
/// The table of one fact kind. Every fact table starts with the same columns: workspace, a
/// partition day, the natural key, the version (the commit that wrote the row), the sign of a
/// CollapsingMergeTree (+1 a row, -1 its cancellation), the hash of the row's values and the
/// kind's main timestamp (for the summary); then the kind's own value columns.
/// </summary>
internal abstract partial class FactTable
{
    /// <summary>The common columns, in insert order.</summary>
    public const string HeadColumns = "ws, day, key, ver, sign, row_hash, main_ts";

    public abstract FactKind Kind { get; }

    /// <summary>The table's name (a local table; <c>_all</c> is the Distributed one over a cluster).</summary>
    public abstract string Name { get; }

    /// <summary>The kind's own columns as DDL (<c>name Type, ...</c>), in insert order.</summary>
    public abstract string ValueColumnsDdl { get; }

    /// <summary>The sort key: workspace first, then what the kind's reads select by; always ending in key and version.</summary>
    public virtual string OrderBy => "ws, day, key, ver";

    /// <summary>The names of <see cref="ValueColumnsDdl"/>.</summary>
    public string ValueColumns => string.Join(", ", ColumnName().Matches(ValueColumnsDdl).Select(m => m.Groups[1].Value));

    public string AllColumns => HeadColumns + ", " + ValueColumns;

    public string Ddl(string table) =>
        $"""
        CREATE TABLE IF NOT EXISTS {table} (
            ws UInt64, day Date, key String, ver UInt64, sign Int8, row_hash UInt64, main_ts Nullable(Int64),
            {ValueColumnsDdl})
        ENGINE = CollapsingMergeTree(sign)
        PARTITION BY toYYYYMM(day)
        ORDER BY ({OrderBy})
        """;

    // A column definition: its name at the start or after a comma at depth 0 (types have no commas outside parentheses here but Decimal128(12)).
    [GeneratedRegex(@"(?:^|,)\s*([a-z_]+)\s+[A-Z]")]
    private static partial Regex ColumnName();
}

/// <summary>The table of facts of type <typeparamref name="TFact"/>: how they are written and read.</summary>
internal abstract class FactTable<TFact> : FactTable
    where TFact : class, IFact
{
    /// <summary>The kind's main timestamp (IFactStore.Summarize), if the fact has one.</summary>
    public abstract DateTimeOffset? MainTime(TFact fact);

    /// <summary>The partition day: the main timestamp's UTC date (1970-01-01 without one).</summary>
    public virtual DateOnly Day(TFact fact, LocalDays days) =>
        MainTime(fact) is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : DateOnly.FromDayNumber(RowBinaryWriter.Epoch);

    /// <summary>Writes the value columns.</summary>
    public abstract void WriteValues(RowBinaryWriter w, TFact fact);

    /// <summary>Reads the value columns back into a fact.</summary>
    public abstract TFact ReadValues(RowBinaryReader r, string key);
}
