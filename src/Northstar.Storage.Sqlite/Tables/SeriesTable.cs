using Northstar.Core.Facts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Tables;

internal sealed class SeriesTable() : FactTable<SeriesPoint>(
    FactKind.Series, ["date", "metric", "dimension"], ["value"], "date", timeIsDate: true)
{
    public override void Bind(RowBinder row, SeriesPoint fact)
    {
        row.Date(fact.Date);
        row.Text(fact.Metric);
        row.Text(fact.Dimension);
        row.Real(fact.Value);
        row.Properties(fact.Properties);
    }

    public override SeriesPoint Read(RowReader row) => new()
    {
        Date = row.Date(),
        Metric = row.Text(),
        Dimension = row.Text(),
        Value = row.Real(),
        Properties = row.Properties(),
    };
}
