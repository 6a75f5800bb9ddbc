using Northstar.Core.Channels;

namespace Northstar.Core.Tests.Channels;

public class ChannelCacheTests
{
    [Fact]
    public void Classify_SameTupleTwice_SameAnswerAndOneCacheEntry()
    {
        var grouping = new ChannelGrouping([]);

        var first = grouping.Classify("google", "cpc", "brand");
        var second = grouping.Classify("google", "cpc", "brand");

        Assert.Equal("paid_search", first);
        Assert.Equal(first, second);
        Assert.Equal(1, grouping.CacheCount);
    }

    [Fact]
    public void Classify_ReferrersOnSameHost_ShareOneCacheEntry()
    {
        var grouping = new ChannelGrouping([]);

        var a = grouping.Classify(null, null, null, "https://www.google.com/search?q=a");
        var b = grouping.Classify(null, null, null, "https://www.google.com/search?q=b");

        Assert.Equal(("organic_search", "organic_search"), (a, b));
        Assert.Equal(1, grouping.CacheCount);
    }

    [Fact]
    public void Classify_TaggedRowsWithDifferentReferrers_ReferrerNotInKey()
    {
        var grouping = new ChannelGrouping([]);

        grouping.Classify("newsletter", "email", null, "https://a.example/");
        grouping.Classify("newsletter", "email", null, "https://b.example/");

        Assert.Equal(1, grouping.CacheCount);
    }

    [Fact]
    public void Classify_MoreTuplesThanCapacity_StaysBoundedAndCorrect()
    {
        var grouping = new ChannelGrouping([], cacheCapacity: 3);
        (string Source, string Medium, string Expected)[] rows =
        [
            ("google", "cpc", "paid_search"), ("bing", "organic", "organic_search"), ("facebook", "cpc", "paid_social"),
            ("newsletter", "email", "email"), ("partner", "affiliate", "affiliates"), ("twilio", "sms", "sms"),
        ];

        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var (source, medium, expected) in rows)
            {
                Assert.Equal(expected, grouping.Classify(source, medium, null));
                Assert.InRange(grouping.CacheCount, 0, 3);
            }
        }
    }

    [Fact]
    public void Classify_CachedAndUncachedInstances_AgreeOnEveryRow()
    {
        var cached = new ChannelGrouping([new ChannelRule("partners", Source: "^partner")]);
        var uncached = new ChannelGrouping([new ChannelRule("partners", Source: "^partner")], cacheCapacity: 0);
        string?[] sources = ["google", "Google", "partner_x", "facebook", null, "amazon", "email"];
        string?[] mediums = ["cpc", "organic", "referral", null, "display", "email"];
        string?[] campaigns = [null, "shop_q4", "cross-network"];

        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var s in sources)
            {
                foreach (var m in mediums)
                {
                    foreach (var c in campaigns)
                    {
                        Assert.Equal(uncached.Classify(s, m, c, "https://t.co/x"), cached.Classify(s, m, c, "https://t.co/x"));
                    }
                }
            }
        }

        Assert.Equal(0, uncached.CacheCount);
    }

    [Fact]
    public void Classify_ManyThreads_SameAnswers()
    {
        var grouping = new ChannelGrouping([], cacheCapacity: 16);
        var results = new string[4000];

        Parallel.For(0, results.Length, i => results[i] = grouping.Classify(i % 2 == 0 ? "google" : "facebook", "cpc", $"c{i % 50}"));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? "paid_search" : "paid_social", results[i]);
        }
    }
}
