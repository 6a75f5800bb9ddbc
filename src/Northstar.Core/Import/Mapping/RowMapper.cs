using System.Runtime.CompilerServices;
using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>
/// Turns records of one format into facts. The constructor claims the columns it knows (the
/// rest become properties) and notes missing required ones; <see cref="Map"/> adds the facts
/// of a record, or records errors on the <see cref="RowContext"/> and adds nothing.
/// </summary>
internal abstract class RowMapper(MapperSetup setup)
{
    private readonly List<Action> _flushes = [];

    /// <summary>Required columns the header lacks, by canonical name.</summary>
    public List<string> MissingColumns { get; } = [];

    protected MapperSetup Setup => setup;

    public abstract void Map(RowContext row);

    /// <summary>Hands on every buffered fact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Flush()
    {
        foreach (var flush in _flushes)
        {
            flush();
        }
    }

    /// <summary>A column that must be in the header (first of the names found).</summary>
    protected int Require(params ReadOnlySpan<string> names)
    {
        var index = setup.Columns.Claim(names);
        if (index < 0)
        {
            MissingColumns.Add(names[0]);
        }

        return index;
    }

    /// <summary>A column that may be absent (-1).</summary>
    protected int Optional(params ReadOnlySpan<string> names) => setup.Columns.Claim(names);

    protected FactBuffer<TFact> Buffer<TFact>()
        where TFact : class, IFact
    {
        var buffer = new FactBuffer<TFact>(setup.BatchSize, setup.Send);
        _flushes.Add(buffer.Flush);
        return buffer;
    }
}
