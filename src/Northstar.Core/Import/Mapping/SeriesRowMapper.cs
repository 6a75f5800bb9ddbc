using Northstar.Core.Facts;
using Northstar.Core.Import.Pipeline;

namespace Northstar.Core.Import.Mapping;

/// <summary>Canonical external daily series; an absent or empty dimension means no breakdown.</summary>
internal sealed class SeriesRowMapper : RowMapper
{
    private readonly FactBuffer<SeriesPoint> _out;
    private readonly int _date, _metric, _dimension, _value;

    public SeriesRowMapper(MapperSetup setup)
        : base(setup)
    {
        (_date, _metric, _dimension, _value) = (Require("date"), Require("metric"), Optional("dimension"), Require("value"));
        _out = Buffer<SeriesPoint>();
    }

    public override void Map(RowContext row)
    {
        var date = row.Date(_date, required: true);
        var metric = row.RequiredPooled(_metric);
        var value = row.Double(_value, required: true);
        if (row.HasErrors)
        {
            return;
        }

        _out.Add(
            new SeriesPoint
            {
                Date = date!.Value,
                Metric = metric!,
                Dimension = row.Pooled(_dimension) ?? "",
                Value = value!.Value,
                Properties = row.Properties(),
            },
            row.Line);
    }
}
