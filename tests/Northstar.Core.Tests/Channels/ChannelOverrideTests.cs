using System.Text.RegularExpressions;
using Northstar.Core.Channels;

namespace Northstar.Core.Tests.Channels;

/// <summary>A workspace's own rules: tried in order before the defaults; every set pattern must match.</summary>
public class ChannelOverrideTests
{
    [Fact]
    public void Classify_OverrideMatches_OverrideWinsOverDefault()
    {
        // By default linkedin / cpc is paid_social; this workspace counts it as abm.
        var grouping = new ChannelGrouping([new ChannelRule("abm", Source: "^linkedin$", Medium: "^cpc$")]);

        Assert.Equal("abm", grouping.Classify("linkedin", "cpc", "q3"));
        Assert.Equal("paid_social", ChannelGrouping.Default.Classify("linkedin", "cpc", "q3"));
    }

    [Fact]
    public void Classify_OnlySomePatternsMatch_FallsBackToDefault()
    {
        var grouping = new ChannelGrouping([new ChannelRule("abm", Source: "^linkedin$", Medium: "^cpc$", Campaign: "^abm_")]);

        var channel = grouping.Classify("linkedin", "cpc", "brand_q3");

        Assert.Equal("paid_social", channel);
    }

    [Fact]
    public void Classify_TwoRulesMatch_FirstInOrderWins()
    {
        var grouping = new ChannelGrouping(
        [
            new ChannelRule("partners", Source: "partner"),
            new ChannelRule("events", Campaign: "summit"),
        ]);

        Assert.Equal("partners", grouping.Classify("partner_acme", "referral", "summit_2026"));
        Assert.Equal("events", grouping.Classify("eventbrite", "referral", "summit_2026"));
    }

    [Fact]
    public void Explain_RulesWithAnInvalidOne_NamesThePositionOfTheRuleThatDecided()
    {
        // Rule 0 does not compile and is left out; positions still count it.
        var grouping = new ChannelGrouping(
        [
            new ChannelRule("broken", Source: "("),
            new ChannelRule("partners", Source: "partner"),
            new ChannelRule("events", Campaign: "summit"),
        ]);

        Assert.Equal(("partners", (int?)1), grouping.Explain("partner_acme", "referral", "summit_2026"));
        Assert.Equal(("events", (int?)2), grouping.Explain("eventbrite", "referral", "summit_2026"));
        Assert.Equal(("paid_search", (int?)null), grouping.Explain("google", "cpc", null));
        Assert.Equal(("organic_search", (int?)null), grouping.Explain(null, null, null, "https://www.google.com/search?q=x"));
    }

    [Fact]
    public void Classify_PatternInOtherCase_MatchesIgnoringCase()
    {
        var grouping = new ChannelGrouping([new ChannelRule("partners", Source: "^PARTNER", Medium: "Referral")]);

        Assert.Equal("partners", grouping.Classify("Partner-Acme", "REFERRAL", null));
    }

    [Fact]
    public void Classify_UnanchoredPattern_MatchesAnywhereInTheValue()
    {
        var grouping = new ChannelGrouping([new ChannelRule("g2", Source: "g2")]);

        Assert.Equal("g2", grouping.Classify("www.g2.com", "referral", null));
    }

    [Fact]
    public void Classify_RuleOnReferrerHost_SeesTheDerivedSourceAndMedium()
    {
        // Untagged rows get source = referrer host, medium = "referral"; rules match those.
        var grouping = new ChannelGrouping([new ChannelRule("community", Source: @"(^|\.)forum\.example\.com$", Medium: "^referral$")]);

        Assert.Equal("community", grouping.Classify(null, null, null, "https://forum.example.com/t/42"));
        Assert.Equal("referral", grouping.Classify(null, null, null, "https://blog.example.com/"));
    }

    [Fact]
    public void Classify_RuleOnDirect_SeesDirectNone()
    {
        var grouping = new ChannelGrouping([new ChannelRule("typed_in", Source: @"^\(direct\)$")]);

        Assert.Equal("typed_in", grouping.Classify(null, null, null));
    }

    [Fact]
    public void Classify_RuleNamesDefaultChannelInOtherCase_ReturnsCanonicalId()
    {
        var grouping = new ChannelGrouping([new ChannelRule(" Paid_Social ", Source: "^capterra$")]);

        Assert.Equal("paid_social", grouping.Classify("capterra", "cpc", null));
    }

    [Fact]
    public void Constructor_InvalidRule_SkipsItAndReportsWhy()
    {
        var grouping = new ChannelGrouping(
        [
            new ChannelRule("broken", Source: "(unclosed"),
            new ChannelRule("partners", Source: "^partner"),
        ]);

        var channel = grouping.Classify("partner_acme", "cpc", null);

        Assert.Equal("partners", channel);
        var error = Assert.Single(grouping.RuleErrors);
        Assert.Equal((0, "source"), (error.Index!.Value, error.Field));
    }

    [Fact]
    public void Classify_PatternThatTimesOut_CountsAsNoMatch()
    {
        // The pattern would match at the final "!", but catastrophic backtracking on the run of
        // "a" before it exceeds the match timeout first.
        const string pattern = "(a+)+$|!";
        var campaign = new string('a', 40) + "!";
        Assert.Throws<RegexMatchTimeoutException>(() =>
            new Regex(pattern, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100)).IsMatch(campaign));
        var grouping = new ChannelGrouping([new ChannelRule("slow", Campaign: pattern)], cacheCapacity: 0);

        var channel = grouping.Classify("google", "cpc", campaign);

        Assert.Equal("paid_search", channel);
    }
}
