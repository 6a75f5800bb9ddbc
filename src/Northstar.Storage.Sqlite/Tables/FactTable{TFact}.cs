using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

/// <summary>A fact table that knows how to bind and read its fact type.</summary>
internal abstract class FactTable<TFact>(FactKind kind, string[] keyColumns, string[] valueColumns, string timeColumn, bool timeIsDate = false)
    : FactTable(kind, keyColumns, valueColumns, timeColumn, timeIsDate)
    where TFact : class, IFact
{
    /// <summary>Binds every column of <see cref="FactTable.Columns"/>, in order.</summary>
    public abstract void Bind(RowBinder row, TFact fact);

    /// <summary>Reads every column of <see cref="FactTable.Columns"/>, in order.</summary>
    public abstract TFact Read(RowReader row);
}
