using Northstar.Core.Channels;

namespace Northstar.Core.Tests.Channels;

/// <summary>
/// The paid channels of GA4's default channel group. Each row cites the documented rule that
/// gives its expectation; "paid medium" is Medium matches regex ^(.*cp.*|ppc|retargeting|paid.*)$.
/// </summary>
public class PaidChannelTests
{
    private static readonly ChannelGrouping Grouping = ChannelGrouping.Default;

    [Theory]
    // Cross-network: Campaign Name contains "cross-network" (tried before every paid rule).
    [InlineData("google", "cpc", "pmax_cross-network_q3")]
    [InlineData("google", "(not set)", "Cross-Network")]
    [InlineData("newsletter", "email", "spring cross-network push")]
    public void Classify_CrossNetworkCampaign_IsCrossNetwork(string source, string medium, string campaign) =>
        Assert.Equal("cross_network", Grouping.Classify(source, medium, campaign));

    [Theory]
    // Paid Shopping: (Source matches a list of shopping sites OR Campaign Name matches
    // regex ^(.*(([^a-df-z]|^)shop|shopping).*)$) AND paid medium.
    [InlineData("amazon", "cpc", "brand")]
    [InlineData("ebay.com", "paid", "")]
    [InlineData("bing", "ppc", "shopping_feed")]
    [InlineData("google", "cpc", "summer_shop")]
    [InlineData("google", "cpc", "shop-all")]
    [InlineData("google", "cpc", "eshop")]
    [InlineData("partner", "retargeting", "2024shop")]
    public void Classify_ShoppingSourceOrCampaignWithPaidMedium_IsPaidShopping(string source, string medium, string campaign) =>
        Assert.Equal("paid_shopping", Grouping.Classify(source, medium, campaign));

    [Theory]
    // Paid Search: Source matches a list of search sites AND paid medium.
    [InlineData("google", "cpc", "brand_terms")]
    [InlineData("bing", "ppc", "")]
    [InlineData("www.google.co.uk", "paidsearch", "")]
    [InlineData("duckduckgo", "paid", "")]
    [InlineData("yahoo", "cpm", "")]  // cpm contains "cp": Paid Search is tried before Display
    [InlineData("google", "cpc", "workshop")] // "workshop": "shop" follows 'k' (in a-df-z), so not a shopping campaign
    public void Classify_SearchSourceWithPaidMedium_IsPaidSearch(string source, string medium, string campaign) =>
        Assert.Equal("paid_search", Grouping.Classify(source, medium, campaign));

    [Theory]
    // Paid Social: Source matches a list of social sites AND paid medium.
    [InlineData("facebook", "cpc")]
    [InlineData("fb", "paid_social")]
    [InlineData("linkedin", "ppc")]
    [InlineData("l.facebook.com", "cpc")]
    [InlineData("t.co", "paid")]
    [InlineData("tiktok", "retargeting")]
    public void Classify_SocialSourceWithPaidMedium_IsPaidSocial(string source, string medium) =>
        Assert.Equal("paid_social", Grouping.Classify(source, medium, "q3_launch"));

    [Theory]
    // Paid Video: Source matches a list of video sites AND paid medium.
    [InlineData("youtube", "cpc")]
    [InlineData("m.youtube.com", "cpv")]
    [InlineData("vimeo", "paid")]
    public void Classify_VideoSourceWithPaidMedium_IsPaidVideo(string source, string medium) =>
        Assert.Equal("paid_video", Grouping.Classify(source, medium, "launch_video"));

    [Theory]
    // Display: Medium is one of ("display", "banner", "expandable", "interstitial", "cpm").
    [InlineData("gdn", "display")]
    [InlineData("adroll", "banner")]
    [InlineData("publisher", "interstitial")]
    [InlineData("publisher", "expandable")]
    [InlineData("programmatic", "cpm")] // paid medium too, but Display comes before Paid Other
    [InlineData("google", "display")]   // "display" is not a paid medium, so not Paid Search
    public void Classify_DisplayMedium_IsDisplay(string source, string medium) =>
        Assert.Equal("display", Grouping.Classify(source, medium, "awareness"));

    [Theory]
    // Paid Other: paid medium with a source on no list.
    [InlineData("capterra", "cpc")]
    [InlineData("g2", "paid")]
    [InlineData("adroll", "retargeting")]
    [InlineData("podcast-network", "paid_audio")]
    public void Classify_UnlistedSourceWithPaidMedium_IsPaidOther(string source, string medium) =>
        Assert.Equal("paid_other", Grouping.Classify(source, medium, "q3"));

    [Fact]
    public void Classify_ShoppingCampaignOnGoogleCpc_PaidShoppingWinsOverPaidSearch()
    {
        // Paid Shopping is listed before Paid Search, and both hold for google / cpc / "shopping_q4".
        var channel = Grouping.Classify("google", "cpc", "shopping_q4");

        Assert.Equal("paid_shopping", channel);
    }

    [Fact]
    public void Classify_CrossNetworkShoppingCampaign_CrossNetworkWinsOverPaidShopping()
    {
        // Cross-network is listed before Paid Shopping.
        var channel = Grouping.Classify("google", "cpc", "shopping_cross-network");

        Assert.Equal("cross_network", channel);
    }

    [Fact]
    public void Classify_ShoppingSiteWithPaidMedium_PaidShoppingWinsOverPaidOther()
    {
        Assert.Equal("paid_shopping", Grouping.Classify("www.amazon.de", "cpc", null));
    }
}
