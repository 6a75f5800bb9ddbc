using Northstar.Core.Facts;
using Northstar.Core.Import;

namespace Northstar.Core.Tests.Import;

/// <summary>Ad platforms' campaign cost reports (Google Ads, LinkedIn Campaign Manager) into media spend.</summary>
public sealed class AdCostsPresetTests : IDisposable
{
    private const string GoogleAds = """
        Campaign performance report
        "March 1, 2024 - March 2, 2024"
        Day,Campaign,Currency code,Cost,Impr.,Clicks
        2024-03-01,Brand - Search,USD,"1,234.56","12,345",678
        2024-03-02,Brand - Search,USD,99.10,1000,25
        2024-03-01,Generic,USD,0.00,--,--
        Total: Account,--,USD,"1,333.66","13,345",703
        Total: Campaigns,--,USD,"1,333.66","13,345",703

        """;

    private const string LinkedIn = """
        Campaign Performance Report (in UTC)
        "Report Start: 3/1/2024, 12:00 AM"
        "Report End: 3/2/2024, 11:59 PM"

        Start Date (in UTC),Account Name,Campaign Name,Campaign ID,Currency,Total Spent,Impressions,Clicks
        3/1/2024,Acme,ABM Retargeting,123456,USD,250.75,40000,180
        3/2/2024,Acme,ABM Retargeting,123456,USD,199.25,35000,150

        """;

    private readonly ImportFixture _fx = new();

    [Fact]
    public void Import_GoogleAdsReport_SkipsTitleAndTotalLinesAsPaidSearch()
    {
        var result = _fx.Import(ImportFormat.AdCosts, "google-ads.csv", GoogleAds);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(3, result.RowsRead);
        var usd = PropertyBag.From([KeyValuePair.Create("currency_code", "USD")]);
        Assert.Equal(
            [
                Spend(new DateOnly(2024, 3, 1), "paid_search", "Brand - Search", 1234.56m, 12_345, 678, usd),
                Spend(new DateOnly(2024, 3, 1), "paid_search", "Generic", 0m, null, null, usd),
                Spend(new DateOnly(2024, 3, 2), "paid_search", "Brand - Search", 99.10m, 1_000, 25, usd),
            ],
            _fx.Read<Spend>());
        Assert.Equal(1333.66m, _fx.Read<Spend>().Sum(s => s.Amount));
    }

    [Fact]
    public void Import_LinkedInReport_ReadsUsDatesAsPaidSocial()
    {
        var result = _fx.Import(ImportFormat.AdCosts, "linkedin.csv", LinkedIn);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var props = PropertyBag.From([KeyValuePair.Create("account_name", "Acme"), KeyValuePair.Create("campaign_id", "123456"), KeyValuePair.Create("currency", "USD")]);
        Assert.Equal(
            [
                Spend(new DateOnly(2024, 3, 1), "paid_social", "ABM Retargeting", 250.75m, 40_000, 180, props),
                Spend(new DateOnly(2024, 3, 2), "paid_social", "ABM Retargeting", 199.25m, 35_000, 150, props),
            ],
            _fx.Read<Spend>());
    }

    [Fact]
    public void Import_ChannelOption_OverridesThePlatformDefault()
    {
        var path = _fx.Write("linkedin.csv", LinkedIn);

        _fx.Import(ImportFormat.AdCosts, path, ImportOptions.Default with { Channel = "paid_other" });

        Assert.All(_fx.Read<Spend>(), s => Assert.Equal("paid_other", s.Channel));
    }

    [Fact]
    public void Import_AdCostsBadCost_ReportsThePhysicalLine()
    {
        var result = _fx.Import(ImportFormat.AdCosts, "google-ads.csv", GoogleAds.Replace("99.10", "n/a", StringComparison.Ordinal));

        Assert.Equal(["google-ads.csv:5: column 'Cost': 'n/a' is not a number (expected a plain decimal like 1234.5)"], result.Errors.Select(e => e.ToString()));
        Assert.Empty(_fx.Read<Spend>());
    }

    [Fact]
    public void Import_AdCostsSameDayAndCampaignTwice_IsADuplicateKey()
    {
        var result = _fx.Import(ImportFormat.AdCosts, "ads.csv", "Day,Campaign,Cost\n2024-03-01,Brand,10\n2024-03-01,Brand,12\n");

        Assert.Equal(["ads.csv:3: duplicate key '2024-03-01|paid_search|Brand|Media': an earlier row of this file has the same key with different values"], result.Errors.Select(e => e.ToString()));
    }

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Import_CampaignNamesStartingWithTotal_AreDataNotFooters()
    {
        var result = _fx.Import(ImportFormat.AdCosts, "g.csv", """
            Day,Campaign,Cost,Impr.,Clicks
            2024-03-01,Brand,10.00,100,5
            2024-03-01,TotalEnergies ABM,250.00,900,40
            2024-03-01,Totally New Launch,99.00,500,20
            Total: Account,--,359.00,1500,65

            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(3, result.RowsRead);
        Assert.Equal(359.00m, _fx.Read<Spend>().Sum(s => s.Amount));
    }

    [Fact]
    public void Import_CostWithoutDate_IsABadRowNotASkippedFooter()
    {
        var result = _fx.Import(ImportFormat.AdCosts, "g.csv", "Day,Campaign,Cost,Impr.,Clicks\n2024-03-01,Brand,10.00,100,5\n,,25.00,10,1\n");

        Assert.False(result.Committed);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }


    private static Spend Spend(DateOnly date, string channel, string campaign, decimal amount, long? impressions, long? clicks, PropertyBag props) => new()
    {
        Date = date,
        Channel = channel,
        Campaign = campaign,
        Kind = SpendKind.Media,
        Amount = amount,
        Impressions = impressions,
        Clicks = clicks,
        Properties = props,
    };
}
