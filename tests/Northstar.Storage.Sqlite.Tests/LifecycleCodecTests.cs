using System.Text.Json;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Lifecycles;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Sqlite.Tests;

public sealed class LifecycleCodecTests
{
    [Fact]
    public void Decode_EveryFieldSetAndSourceNotFromTouch_SameLifecycle()
    {
        var entered = new DateTimeOffset?[9];
        entered[(int)Stage.Lead] = BuilderTime.At(3, 4, 5);
        entered[(int)Stage.Customer] = new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero);
        var lifecycle = new ContactLifecycle
        {
            ContactId = "c\U0001F600",
            FirstKnownAt = BuilderTime.At(1),
            AccountId = "acc1",
            Segment = "",
            IcpFit = false,
            Owner = "ann",
            FirstTouch = new Touch(BuilderTime.At(2), "email", "newsletter", null, "", "/blog"),
            Channel = "referral",
            Source = "partner",
            Medium = null,
            Campaign = "q3",
            LandingPage = "/signup",
            Entered = entered,
        };

        AssertRoundTrips(lifecycle);
    }

    [Fact]
    public void Decode_SourceAndLandingFromTouch_SameLifecycleInFewerBytes()
    {
        var touch = new Touch(BuilderTime.At(2), "paid_search", "google", "cpc", "spring", "/pricing");
        var lifecycle = new ContactLifecycle
        {
            ContactId = "c1",
            IcpFit = true,
            FirstTouch = touch,
            Channel = touch.Channel,
            Source = touch.Source,
            Medium = touch.Medium,
            Campaign = touch.Campaign,
            LandingPage = touch.LandingPage,
            Entered = new DateTimeOffset?[9],
        };
        var separate = lifecycle with { LandingPage = "/pricing?x" };

        AssertRoundTrips(lifecycle);
        AssertRoundTrips(separate);
        // "/pricing" and the four source columns are stored once; the other stores its landing page (1 + 10 bytes).
        Assert.Equal(LifecycleCodec.Encode(lifecycle).Length + 11, LifecycleCodec.Encode(separate).Length);
    }

    [Fact]
    public void Decode_NothingKnown_SameLifecycle()
    {
        AssertRoundTrips(new ContactLifecycle { ContactId = "", Entered = new DateTimeOffset?[9] });
    }

    [Fact]
    public void Decode_ManyRowsWithOnePool_RepeatedStringsAreOneInstance()
    {
        var pool = new StringPool();
        var blobs = Enumerable.Range(0, 600).Select(i => LifecycleCodec.Encode(new ContactLifecycle
        {
            ContactId = $"c{i}",
            Channel = $"channel{i % 300}",
            Entered = new DateTimeOffset?[9],
        })).ToList();

        var decoded = blobs.Select(b => LifecycleCodec.Decode(b, pool)).ToList();

        Assert.Equal([.. Enumerable.Range(0, 600).Select(i => $"channel{i % 300}")], decoded.Select(l => l.Channel));
        Assert.Same(decoded[7].Channel, decoded[307].Channel);
    }

    private static void AssertRoundTrips(ContactLifecycle lifecycle)
    {
        var decoded = LifecycleCodec.Decode(LifecycleCodec.Encode(lifecycle), new StringPool());
        Assert.Equal(JsonSerializer.Serialize(lifecycle), JsonSerializer.Serialize(decoded));
    }
}
