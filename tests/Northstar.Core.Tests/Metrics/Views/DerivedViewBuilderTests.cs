using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Views;

public sealed class DerivedViewBuilderTests
{
    [Fact]
    public void Build_EventsAcrossMidnightInBerlin_CountOnTheLocalDay()
    {
        // 23:30 UTC on Jan 1 is 00:30 on Jan 2 in Berlin (UTC+1 in winter); 22:30 UTC stays on Jan 1.
        EventFact[] events =
        [
            new EventBuilder("late").SessionStart().At(BuilderTime.At(1, 23, 30)).Anonymous("a1").Build(),
            new EventBuilder("early").SessionStart().At(BuilderTime.At(1, 22, 30)).Anonymous("a2").Build(),
        ];

        var views = DerivedViewBuilder.Build("Europe/Berlin", events, [], [], []);

        Assert.Equal(
            [(BuilderTime.Date(1), 1L), (BuilderTime.Date(2), 1L)],
            views.Rollup.OrderBy(r => r.Day).Select(r => (r.Day, r.Count)));
    }

    [Fact]
    public void Build_SameKeyEvents_SumCountAndValue()
    {
        EventFact[] events =
        [
            new EventBuilder("p1").FormSubmit().At(day: 2, hour: 1).Form("demo").Value(10m).Build(),
            new EventBuilder("p2").FormSubmit().At(day: 2, hour: 5).Form("demo").Value(2.5m).Build(),
            new EventBuilder("p3").FormSubmit().At(day: 2, hour: 6).Form("demo").Build(),
            new EventBuilder("p4").FormSubmit().At(day: 2, hour: 7).Form("trial").Value(1m).Build(),
        ];

        var demo = DerivedViewBuilder.Build("UTC", events, [], [], []).Rollup.Single(r => r.Dims.Form == "demo");

        Assert.Equal((3L, 12.5m), (demo.Count, demo.Value));
    }

    [Fact]
    public void Build_AnonymousIdSeenWithTwoContacts_LinksToTheFirst()
    {
        EventFact[] events =
        [
            new EventBuilder("later").PageView().At(day: 5).Anonymous("a1").Contact("c2").Build(),
            new EventBuilder("first").PageView().At(day: 3).Anonymous("a1").Contact("c1").Build(),
        ];

        var link = Assert.Single(DerivedViewBuilder.Build("UTC", events, [], [], []).Identities);

        Assert.Equal(new IdentityLink("a1", "c1", BuilderTime.At(3)), link);
    }

    [Fact]
    public void Build_TouchesTieOnTimestamp_EarlierEventIdWins()
    {
        EventFact[] events =
        [
            new EventBuilder("t2").SessionStart().At(day: 1).Contact("c1").Channel("email").Build(),
            new EventBuilder("t1").SessionStart().At(day: 1).Contact("c1").Channel("direct").Build(),
        ];

        var lifecycle = Assert.Single(DerivedViewBuilder.Build("UTC", events, [], [], []).Lifecycles);

        Assert.Equal("direct", lifecycle.Channel);
    }

    [Fact]
    public void Build_EventWithChannelButNoSession_IsATouch()
    {
        EventFact[] events =
        [
            new EventBuilder("open").Type(EventType.EmailOpen).At(day: 2).Contact("c1").Channel("email").Build(),
            new EventBuilder("view").PageView().At(day: 1).Contact("c1").Build(),
        ];

        var lifecycle = Assert.Single(DerivedViewBuilder.Build("UTC", events, [], [], []).Lifecycles);

        Assert.Equal((BuilderTime.At(2), "email"), (lifecycle.FirstTouch?.Timestamp, lifecycle.Channel));
        Assert.Equal(BuilderTime.At(1), lifecycle.FirstKnownAt);
    }

    [Fact]
    public void CountDistinctActors_ContactAndAnonymousWithSameId_CountTwice()
    {
        EventFact[] events =
        [
            new EventBuilder("x1").SessionStart().At(day: 1).Contact("x").Build(),
            new EventBuilder("x2").SessionStart().At(day: 1).Anonymous("x").Build(),
            new EventBuilder("x3").SessionStart().At(day: 1).Anonymous("x").Build(),
            new EventBuilder("x4").SessionStart().At(day: 1).Build(),
        ];

        var count = DerivedViewBuilder.Build("UTC", events, [], [], []).CountDistinctActors([EventType.SessionStart], new DateRange(BuilderTime.Date(1), BuilderTime.Date(2)));

        Assert.Equal(2, count);
    }
}
