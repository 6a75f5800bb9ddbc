using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds a <see cref="SeriesPoint"/>: by default brand_search_volume of 100 on day 1, no dimension.</summary>
public sealed class SeriesPointBuilder(string metric = "brand_search_volume")
{
    private SeriesPoint _fact = new() { Date = BuilderTime.Date(1), Metric = metric, Value = 100 };

    public SeriesPointBuilder On(int day) => Set(_fact with { Date = BuilderTime.Date(day) });

    public SeriesPointBuilder Dimension(string dimension) => Set(_fact with { Dimension = dimension });

    public SeriesPointBuilder Value(double value) => Set(_fact with { Value = value });

    public SeriesPointBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    public SeriesPoint Build() => _fact;

    private SeriesPointBuilder Set(SeriesPoint fact)
    {
        _fact = fact;
        return this;
    }
}
