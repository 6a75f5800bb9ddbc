using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

public class TrafficKpiTests
{
    [Fact]
    public void Sessions_January_CountsSessionStartsInsideThePeriodOnly()
    {
        using var world = TrafficWorld();

        var sessions = world.Total("sessions", KpiWorld.January);

        // s1..s4 fall in January; s5 (Feb 1) and s6 (Dec 31) do not; page views are not sessions.
        Assert.Equal(4, sessions);
    }

    [Fact]
    public void Sessions_ByChannel_PutsEventsWithoutChannelInNoneGroupLast()
    {
        using var world = TrafficWorld();

        var result = world.Engine().Run(new MetricQuery("sessions", KpiWorld.January) { By = Dimensions.Channel });

        Assert.Equal(["email", "organic_search", Dimensions.None], result.Rows.Select(r => r.Group));
        Assert.Equal([2.0, 1.0, 1.0], result.Rows.Select(r => r.Total));
        Assert.Equal(2 + 1 + 1, result.Overall!.Total);
    }

    [Fact]
    public void LandingPageViews_ByLandingPage_CountsSessionsPerPage()
    {
        using var world = TrafficWorld();

        var views = world.By("landing_page_views", KpiWorld.January, Dimensions.LandingPage);

        Assert.Equal(2, views["/a"]); // s1, s2
        Assert.Equal(2, views["/b"]); // s3, s4
    }

    [Fact]
    public void Visitors_January_CountsDistinctContactsElseAnonymousIds()
    {
        using var world = TrafficWorld();

        var visitors = world.Total("visitors", KpiWorld.January);

        // a1 (twice), c1, a2: three actors.
        Assert.Equal(3, visitors);
    }

    [Fact]
    public void Visitors_VisitorWhoIdentifiesMidPeriod_CountsAsTwoActorsAsDefined()
    {
        using var world = new KpiWorld();
        world.Add(
            new EventBuilder("s1").SessionStart().At(day: 2).Anonymous("a1").Build(),
            new EventBuilder("f1").FormSubmit().At(day: 2, hour: 1).Anonymous("a1").Contact("c1").Build(),
            new EventBuilder("s2").SessionStart().At(day: 9).Anonymous("a1").Contact("c1").Build());

        // a1 before the form, c1 after it: the definition says the count is not identity-resolved.
        Assert.Equal(2, world.Total("visitors", KpiWorld.January));
    }

    [Fact]
    public void TrafficToLeadRate_January_IsLeadsOverSessions()
    {
        using var world = TrafficWorld();
        world.Add(
            new StageChangeBuilder("c1").EnteredAt(day: 5).Build(),
            new StageChangeBuilder("c2").EnteredAt(day: 20).Build(),
            new StageChangeBuilder("c3").EnteredAt(day: -3).Build());

        var rate = world.Total("traffic_to_lead_rate", KpiWorld.January);

        Assert.Equal(2.0 / 4, rate); // leads c1, c2 (c3 is December's) / 4 sessions
    }

    [Fact]
    public void TrafficToLeadRate_ByChannel_IsLeadsByFirstTouchOverSessionsOfTheChannel()
    {
        using var world = TrafficWorld();
        world.Add(
            new StageChangeBuilder("c1").EnteredAt(day: 5, hour: 1).Build(), // c1's first touch is s3, organic_search
            new ContactBuilder("c2").Channel("email").Build(),
            new StageChangeBuilder("c2").EnteredAt(day: 20).Build());

        var rates = world.By("traffic_to_lead_rate", KpiWorld.January, Dimensions.Channel);

        Assert.Equal(1.0 / 2, rates["email"]); // c2 / s1, s2
        Assert.Equal(1.0 / 1, rates["organic_search"]); // c1 / s3
        Assert.Equal(0.0 / 1, rates[Dimensions.None]); // no lead / s4
    }

    [Fact]
    public void LandingPageConversionRate_ByLandingPage_IsSubmissionsOverSessionsOfThePage()
    {
        using var world = TrafficWorld();
        world.Add(new EventBuilder("f1").FormSubmit().At(day: 3, hour: 1).Anonymous("a1").Contact("c9").LandingPage("/a").Build());

        var rates = world.By("landing_page_conversion_rate", KpiWorld.January, Dimensions.LandingPage);

        Assert.Equal(1.0 / 2, rates["/a"]);
        Assert.Equal(0.0 / 2, rates["/b"]);
    }

    [Fact]
    public void Reach_January_AddsViewsOpensVideoAndImpressions()
    {
        using var world = new KpiWorld();
        world.Add(
            new EventBuilder("pv1").PageView().At(day: 2).Build(),
            new EventBuilder("pv2").PageView().At(day: 3).Build(),
            new EventBuilder("op1").Type(EventType.EmailOpen).At(day: 4).Contact("c1").Build(),
            new EventBuilder("vi1").Type(EventType.VideoEngaged).At(day: 5).Build(),
            new EventBuilder("im1").Type(EventType.AdImpression).At(day: 6).Build(),
            new EventBuilder("im2").Type(EventType.AdImpression).At(day: 6).Build(),
            new EventBuilder("im3").Type(EventType.AdImpression).At(day: 7).Build(),
            new EventBuilder("cv1").Type(EventType.CtaView).At(day: 7).Build(),
            new EventBuilder("ss1").SessionStart().At(day: 7).Build(),
            new EventBuilder("pv3").PageView().At(day: 40).Build());

        var reach = world.Total("reach", KpiWorld.January);

        Assert.Equal(2 + 1 + 1 + 3, reach); // CTA view, session start and February's view are not reach
    }

    [Fact]
    public void NewContacts_ByLandingPage_CountsCreatedContactsByThePageThatCreatedThem()
    {
        using var world = new KpiWorld();
        world.Add(
            new ContactBuilder("c1").CreatedAt(day: 2).Build(),
            new ContactBuilder("c2").CreatedAt(day: 20).Build(),
            new ContactBuilder("c3").CreatedAt(day: 0).Build(),
            new EventBuilder("t1").SessionStart().At(day: 19).Anonymous("a2").Channel("email").LandingPage("/blog").Build(),
            new EventBuilder("f2").FormSubmit().At(day: 20).Anonymous("a2").Contact("c2").LandingPage("/pricing").Build());

        var total = world.Total("new_contacts", KpiWorld.January);
        var byPage = world.By("new_contacts", KpiWorld.January, Dimensions.LandingPage);

        Assert.Equal(2, total); // c1, c2; c3 was created on Dec 31
        Assert.Equal(1, byPage["/pricing"]); // the form's page, not the first visit's /blog
        Assert.Equal(1, byPage[Dimensions.None]); // c1 has no events at all
        Assert.Equal(2, byPage.Count);
    }

    [Fact]
    public void NewContacts_ContactWithNoChannel_FallsInNoneGroup()
    {
        using var world = new KpiWorld();
        world.Add(
            new ContactBuilder("c1").CreatedAt(day: 2).Channel("email").Build(),
            new ContactBuilder("c2").CreatedAt(day: 3).Build(),
            new ContactBuilder("c3").CreatedAt(day: 4).Channel("email").Build());

        var byChannel = world.By("new_contacts", KpiWorld.January, Dimensions.Channel);

        Assert.Equal(2, byChannel["email"]);
        Assert.Equal(1, byChannel[Dimensions.None]);
    }

    [Fact]
    public void BrandSearchVolume_January_SumsTheSeriesInsideThePeriod()
    {
        using var world = new KpiWorld();
        world.Add(
            new SeriesPointBuilder().On(1).Value(100).Build(),
            new SeriesPointBuilder().On(15).Value(50).Build(),
            new SeriesPointBuilder().On(40).Value(70).Build(),
            new SeriesPointBuilder("ad_revenue").On(2).Value(999).Build());

        Assert.Equal(100 + 50, world.Total("brand_search_volume", KpiWorld.January));
    }

    [Fact]
    public void ShareOfVoiceAndSentiment_WithBrand_AreComputedFromMentions()
    {
        using var world = MentionsWorld();
        var options = new MetricOptions { Brand = "northstar" };

        var share = world.Total("share_of_voice", KpiWorld.January, options);
        var sentiment = world.Total("brand_sentiment", KpiWorld.January, options);

        Assert.Equal((30.0 + 10 + 10) / (30 + 10 + 10 + 50), share); // ours / ours + rival
        Assert.Equal((30.0 - 10) / (30 + 10 + 10), sentiment); // (positive - negative) / ours
    }

    [Fact]
    public void ShareOfVoice_WithoutBrand_HasNoValueAndSaysWhy()
    {
        using var world = MentionsWorld();

        var result = world.Engine().Run(new MetricQuery("share_of_voice", KpiWorld.January));

        Assert.Null(result.Rows.Single().Total);
        Assert.Contains(result.Notes, n => n.Contains("brand", StringComparison.Ordinal));
    }

    [Fact]
    public void BrandSentiment_NoMentionsOfOurBrand_HasNoValue()
    {
        using var world = new KpiWorld();
        world.Add(new SeriesPointBuilder("mentions").On(3).Dimension("brand=rival;sentiment=positive").Value(5).Build());
        var options = new MetricOptions { Brand = "northstar" };

        Assert.Null(world.Total("brand_sentiment", KpiWorld.January, options));
        Assert.Equal(0.0 / 5, world.Total("share_of_voice", KpiWorld.January, options));
    }

    [Fact]
    public void AdRevenueAndSubscriberGrowth_January_SumTheirSeries()
    {
        using var world = new KpiWorld();
        world.Add(
            new SeriesPointBuilder("ad_revenue").On(2).Value(1200.5).Build(),
            new SeriesPointBuilder("ad_revenue").On(31).Value(300).Build(),
            new SeriesPointBuilder("ad_revenue").On(32).Value(7).Build(),
            new SeriesPointBuilder("subscribers_gained").On(3).Value(40).Build(),
            new SeriesPointBuilder("subscribers_gained").On(4).Value(10).Build(),
            new SeriesPointBuilder("subscribers_lost").On(5).Value(15).Build());

        Assert.Equal(1200.5 + 300, world.Total("ad_revenue", KpiWorld.January));
        Assert.Equal(40 + 10 - 15, world.Total("subscriber_growth", KpiWorld.January));
    }

    [Fact]
    public void UniqueOpens_January_CountsDistinctOpeners()
    {
        using var world = new KpiWorld();
        world.Add(
            new EventBuilder("o1").Type(EventType.EmailOpen).At(day: 2).Contact("c1").Build(),
            new EventBuilder("o2").Type(EventType.EmailOpen).At(day: 9).Contact("c1").Build(),
            new EventBuilder("o3").Type(EventType.EmailOpen).At(day: 9).Contact("c2").Build(),
            new EventBuilder("o4").Type(EventType.EmailOpen).At(day: 9).Anonymous("a3").Build(),
            new EventBuilder("o5").Type(EventType.EmailOpen).At(day: 40).Contact("c4").Build());

        Assert.Equal(3, world.Total("unique_opens", KpiWorld.January)); // c1, c2, a3
    }

    private static KpiWorld TrafficWorld()
    {
        var world = new KpiWorld();
        world.Add(
            new EventBuilder("s1").SessionStart().At(day: 2).Anonymous("a1").Channel("email").Utm("newsletter", "email").LandingPage("/a").Build(),
            new EventBuilder("s2").SessionStart().At(day: 3).Anonymous("a1").Channel("email").LandingPage("/a").Build(),
            new EventBuilder("s3").SessionStart().At(day: 5).Contact("c1").Channel("organic_search").LandingPage("/b").Build(),
            new EventBuilder("s4").SessionStart().At(day: 10).Anonymous("a2").LandingPage("/b").Build(),
            new EventBuilder("s5").SessionStart().At(day: 32).Anonymous("a1").Channel("email").LandingPage("/a").Build(),
            new EventBuilder("s6").SessionStart().At(day: 0, hour: 23).Anonymous("a9").Channel("email").LandingPage("/a").Build(),
            new EventBuilder("p1").PageView().At(day: 2).Anonymous("a1").Channel("email").Build());
        return world;
    }

    private static KpiWorld MentionsWorld()
    {
        var world = new KpiWorld();
        world.Add(
            new SeriesPointBuilder("mentions").On(3).Dimension("brand=northstar;sentiment=positive").Value(30).Build(),
            new SeriesPointBuilder("mentions").On(4).Dimension("brand=northstar;sentiment=negative").Value(10).Build(),
            new SeriesPointBuilder("mentions").On(5).Dimension("brand=Northstar;sentiment=neutral").Value(10).Build(),
            new SeriesPointBuilder("mentions").On(6).Dimension("brand=rival;sentiment=positive").Value(50).Build(),
            new SeriesPointBuilder("mentions").On(40).Dimension("brand=northstar;sentiment=negative").Value(99).Build());
        return world;
    }
}
