using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Npgsql;

namespace Northstar.Storage.Postgres.Tables;

/// <summary>
/// One fact kind's table: its columns (in COPY and SELECT order), natural key columns and main
/// timestamp (<see cref="Core.Storage.IFactStore.Summarize"/>). Every table also has
/// <c>workspace_id</c> first in its primary key, which is not listed here.
/// </summary>
internal abstract class FactTable
{
    protected FactTable(FactKind kind, string name, string[] columns, string[] keys, string? timeColumn, bool timeIsDate)
    {
        Kind = kind;
        Name = name;
        Columns = columns;
        Keys = keys;
        TimeColumn = timeColumn;
        TimeIsDate = timeIsDate;
    }

    public FactKind Kind { get; }

    public string Name { get; }

    /// <summary>Every column a COPY writes (for events also the derived day and actor, last).</summary>
    public string[] Columns { get; }

    /// <summary>The natural key's columns.</summary>
    public string[] Keys { get; }

    public string? TimeColumn { get; }

    public bool TimeIsDate { get; }

    /// <summary>The columns a read selects, in the order the row reader takes them.</summary>
    public virtual string[] FactColumns => Columns;

    /// <summary>The columns that are not part of the key (what an update replaces).</summary>
    public IEnumerable<string> ValueColumns => FactColumns.Where(c => !Keys.Contains(c));

    public string StagingName => "stg_" + Name;
}

/// <summary>A fact table with its row writer and reader.</summary>
internal sealed class FactTable<TFact> : FactTable
    where TFact : class, IFact
{
    private readonly string[]? _factColumns;

    public FactTable(
        FactKind kind, string name, string[] columns, string[] keys, string? timeColumn, bool timeIsDate,
        Action<NpgsqlBinaryImporter, TFact, LocalDays> write, Func<NpgsqlDataReader, TFact> read, Func<TFact, TFact> normalize,
        string[]? factColumns = null)
        : base(kind, name, columns, keys, timeColumn, timeIsDate)
    {
        Write = write;
        Read = read;
        Normalize = normalize;
        _factColumns = factColumns;
    }

    public override string[] FactColumns => _factColumns ?? Columns;

    /// <summary>Writes the row's <see cref="FactTable.Columns"/> (the caller has started the row and written the key hash).</summary>
    public Action<NpgsqlBinaryImporter, TFact, LocalDays> Write { get; }

    /// <summary>Reads a row selected as <see cref="FactTable.FactColumns"/>, from ordinal 0.</summary>
    public Func<NpgsqlDataReader, TFact> Read { get; }

    /// <summary>The fact as the store keeps it (what a read gives back): two facts are "the same values" when their normalized forms are equal.</summary>
    public Func<TFact, TFact> Normalize { get; }
}
