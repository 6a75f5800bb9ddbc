using Northstar.Core.Channels;

namespace Northstar.Core.Tests.Channels;

/// <summary>
/// Direct, the organic channels and Referral of GA4's default channel group, each row citing
/// the documented rule it follows.
/// </summary>
public class OrganicChannelTests
{
    private static readonly ChannelGrouping Grouping = ChannelGrouping.Default;

    [Theory]
    // Direct: Source exactly matches "(direct)" AND Medium is one of ("(not set)", "(none)").
    [InlineData("(direct)", "(none)")]
    [InlineData("(direct)", "(not set)")]
    [InlineData("(DIRECT)", "(None)")]
    [InlineData("direct", "(none)")] // the earlier GA4 wording: Source exactly matches direct
    [InlineData(null, null)]         // no source, medium or referrer: nothing says where the visit came from
    [InlineData("", "  ")]
    [InlineData("(not set)", "(not set)")]
    public void Classify_DirectOrUntagged_IsDirect(string? source, string? medium) =>
        Assert.Equal("direct", Grouping.Classify(source, medium, null));

    [Theory]
    // Organic Shopping: Source matches a list of shopping sites OR Campaign name matches the shopping regex.
    [InlineData("amazon", "referral", "")]
    [InlineData("www.etsy.com", "referral", "")]
    [InlineData("instagram", "social", "ig_shop")] // shopping is tried before Organic Social
    [InlineData("partner", "link", "holiday shopping")]
    public void Classify_ShoppingSourceOrCampaignUnpaid_IsOrganicShopping(string source, string medium, string campaign) =>
        Assert.Equal("organic_shopping", Grouping.Classify(source, medium, campaign));

    [Theory]
    // Organic Social: Source matches a list of social sites OR Medium is one of
    // ("social", "social-network", "social-media", "sm", "social network", "social media").
    [InlineData("facebook", "referral")]
    [InlineData("linkedin", "post")]
    [InlineData("lnkd.in", "")]
    [InlineData("reddit.com", "referral")]
    [InlineData("community", "social")]
    [InlineData("community", "social-network")]
    [InlineData("community", "social media")]
    [InlineData("community", "sm")]
    public void Classify_SocialSourceOrMediumUnpaid_IsOrganicSocial(string source, string medium) =>
        Assert.Equal("organic_social", Grouping.Classify(source, medium, "launch"));

    [Theory]
    // Organic Video: Source matches a list of video sites OR Medium matches regex ^(.*video.*)$.
    [InlineData("youtube", "referral")]
    [InlineData("youtu.be", "")]
    [InlineData("vimeo.com", "referral")]
    [InlineData("webinar-host", "video")]
    [InlineData("webinar-host", "on-demand-video-replay")]
    public void Classify_VideoSourceOrMediumUnpaid_IsOrganicVideo(string source, string medium) =>
        Assert.Equal("organic_video", Grouping.Classify(source, medium, null));

    [Theory]
    // Organic Search: Source matches a list of search sites OR Medium exactly matches organic.
    [InlineData("google", "organic")]
    [InlineData("bing", "organic")]
    [InlineData("duckduckgo", "referral")] // a search site: Organic Search is tried before Referral
    [InlineData("www.google.de", "referral")]
    [InlineData("ecosia.org", "")]
    [InlineData("newsaggregator", "organic")]
    public void Classify_SearchSourceOrOrganicMedium_IsOrganicSearch(string source, string medium) =>
        Assert.Equal("organic_search", Grouping.Classify(source, medium, null));

    [Theory]
    // Referral: Medium is one of ("referral", "app", "link").
    [InlineData("blog.example.com", "referral")]
    [InlineData("docs.google.com", "referral")] // not on the search list: GA4 reports it as a referral
    [InlineData("partner-blog.example", "link")]
    [InlineData("slack-app", "app")]
    [InlineData("email", "referral")]           // Referral is tried before Email
    public void Classify_ReferralMediumFromUnlistedSource_IsReferral(string source, string medium) =>
        Assert.Equal("referral", Grouping.Classify(source, medium, null));
}
