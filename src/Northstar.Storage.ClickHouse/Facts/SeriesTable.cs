using Northstar.Core.Facts;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>External series points, by month of their date.</summary>
internal sealed class SeriesTable : FactTable<SeriesPoint>
{
    public override FactKind Kind => FactKind.Series;

    public override string Name => "series";

    public override string ValueColumnsDdl => "date Date, metric String, dimension String, value Float64, prop_names Array(String), prop_values Array(String)";

    public override DateTimeOffset? MainTime(SeriesPoint fact) => new DateTimeOffset(fact.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public override DateOnly Day(SeriesPoint fact, Core.Metrics.Views.LocalDays days) => fact.Date;

    public override void WriteValues(RowBinaryWriter w, SeriesPoint p)
    {
        w.Date(p.Date);
        w.String(p.Metric);
        w.String(p.Dimension);
        w.Float64(p.Value);
        Values.Properties(w, p.Properties);
    }

    public override SeriesPoint ReadValues(RowBinaryReader r, string key) => new()
    {
        Date = r.Date(),
        Metric = r.String(),
        Dimension = r.String(),
        Value = r.Float64(),
        Properties = Values.Properties(r),
    };
}
