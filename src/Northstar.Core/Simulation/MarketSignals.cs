using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>External daily series: brand mentions by brand and sentiment, and our brand's search volume.</summary>
internal sealed class MarketSignals(Xoshiro rng, FactWriter writer, DateOnly start)
{
    public const string Mentions = "mentions";
    public const string BrandSearchVolume = "brand_search_volume";
    private static readonly string[] Sentiments = ["positive", "neutral", "negative"];
    private readonly string[][] _dimensions =
        [.. CompanyModel.Brands.Select(b => Sentiments.Select(s => $"brand={b.Id};sentiment={s}").ToArray())];

    public void Write(DateOnly day)
    {
        var season = DemoChannels.Base[day.Month - 1];
        var growth = 1 + (CompanyModel.AnnualSpendGrowth * (day.DayNumber - start.DayNumber) / 365.25);
        for (var b = 0; b < CompanyModel.Brands.Length; b++)
        {
            var brand = CompanyModel.Brands[b];
            var mean = brand.MeanDailyMentions * season * (brand.Ours ? growth : 1);
            double[] shares = [brand.Positive, brand.Neutral, brand.Negative];
            for (var s = 0; s < shares.Length; s++)
            {
                Add(day, Mentions, _dimensions[b][s], rng.Poisson(mean * shares[s]));
            }
        }

        var weekday = DemoChannels.Weekday[((int)day.DayOfWeek + 6) % 7];
        Add(day, BrandSearchVolume, "", rng.Poisson(CompanyModel.BrandSearchPerDay * season * weekday * growth));
    }

    private void Add(DateOnly day, string metric, string dimension, double value) =>
        writer.Add(new SeriesPoint { Date = day, Metric = metric, Dimension = dimension, Value = value }, FactKind.Series);
}
