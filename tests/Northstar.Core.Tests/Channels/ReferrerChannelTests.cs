using Northstar.Core.Channels;

namespace Northstar.Core.Tests.Channels;

/// <summary>
/// Rows without source and medium: the referrer's host stands in as the source with medium
/// "referral" (as GA4 records an untagged click), and the default rules name the channel.
/// </summary>
public class ReferrerChannelTests
{
    private static readonly ChannelGrouping Grouping = ChannelGrouping.Default;

    [Theory]
    [InlineData("https://www.google.com/", "organic_search")]
    [InlineData("https://www.google.co.uk/search?q=northstar", "organic_search")]
    [InlineData("https://duckduckgo.com/", "organic_search")]
    [InlineData("android-app://com.google.android.googlequicksearchbox/", "organic_search")]
    [InlineData("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com", "organic_social")]
    [InlineData("https://t.co/AbC123", "organic_social")]
    [InlineData("https://www.linkedin.com/feed/", "organic_social")]
    [InlineData("https://m.youtube.com/watch?v=abc", "organic_video")]
    [InlineData("https://www.amazon.com/dp/B000", "organic_shopping")]
    [InlineData("https://blog.example.com/post/1", "referral")]
    [InlineData("https://docs.google.com/document/d/1", "referral")]
    [InlineData("HTTPS://User@News.Example.ORG:8443/a?b#c", "referral")]
    public void Classify_UntaggedRowWithReferrer_ChannelFromReferrerHost(string referrer, string expected) =>
        Assert.Equal(expected, Grouping.Classify(null, null, null, referrer));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Classify_UntaggedRowWithoutReferrer_IsDirect(string? referrer) =>
        Assert.Equal("direct", Grouping.Classify(null, "", null, referrer));

    [Fact]
    public void Classify_NotSetSourceAndMediumWithReferrer_UsesReferrer()
    {
        var channel = Grouping.Classify("(not set)", "(none)", null, "https://www.bing.com/search?q=x");

        Assert.Equal("organic_search", channel);
    }

    [Fact]
    public void Classify_TaggedRowWithReferrer_TagsWin()
    {
        // The utm tags say email; the referrer only counts for untagged rows.
        var channel = Grouping.Classify("newsletter", "email", "may", "https://www.google.com/");

        Assert.Equal("email", channel);
    }

    [Fact]
    public void Classify_ExplicitDirectWithReferrer_IsDirect()
    {
        var channel = Grouping.Classify("(direct)", "(none)", null, "https://www.google.com/");

        Assert.Equal("direct", channel);
    }
}
