using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

public class SiteConversionKpiTests
{
    [Fact]
    public void CtaKpis_January_CountViewsClicksAndTheirRatio()
    {
        using var world = CtaWorld();

        Assert.Equal(4, world.Total("cta_views", KpiWorld.January));
        Assert.Equal(1, world.Total("cta_clicks", KpiWorld.January));
        Assert.Equal(1.0 / 4, world.Total("cta_click_rate", KpiWorld.January));
    }

    [Fact]
    public void CtaClickRate_ByCta_IsClicksOverViewsOfEachCta()
    {
        using var world = CtaWorld();

        var rates = world.By("cta_click_rate", KpiWorld.January, Dimensions.Cta);

        Assert.Equal(1.0 / 3, rates["demo"]);
        Assert.Equal(0.0 / 1, rates["trial"]);
    }

    [Fact]
    public void CtaClickRate_ByCtaOverall_IsTheRatioOfAllCtasNotTheMeanOfRatios()
    {
        using var world = CtaWorld();

        var result = world.Engine().Run(new MetricQuery("cta_click_rate", KpiWorld.January) { By = Dimensions.Cta });

        Assert.Equal(1.0 / 4, result.Overall!.Total); // not (1/3 + 0) / 2
    }

    [Fact]
    public void FormSubmissions_ByVariant_CountsSubmitEvents()
    {
        using var world = FormWorld();

        var byVariant = world.By("form_submissions", KpiWorld.January, Dimensions.Variant);

        Assert.Equal(3, byVariant["a"]);
        Assert.Equal(1, byVariant["b"]);
    }

    [Fact]
    public void FormDropOff_NoBreakdown_IsShareOfStartsNeverSubmitted()
    {
        using var world = FormWorld();

        var dropOff = world.Total("form_drop_off", KpiWorld.January);

        Assert.Equal(1 - (4.0 / 10), dropOff);
    }

    [Fact]
    public void FormDropOff_ByField_SharesOfStartsLeavingAtEachFieldAddUpToTheTotal()
    {
        using var world = FormWorld();

        var byField = world.By("form_drop_off", KpiWorld.January, Dimensions.Field);

        Assert.Equal((8.0 - 5) / 10, byField["email"]!.Value, precision: 12); // reached email, not company
        Assert.Equal((5.0 - 4) / 10, byField["company"]!.Value, precision: 12); // reached company, did not submit
        Assert.Equal((10.0 - 8) / 10, byField[Dimensions.None]!.Value, precision: 12); // started, reached no field
        Assert.Equal(1 - (4.0 / 10), byField.Values.Sum(v => v!.Value), precision: 12);
    }

    [Fact]
    public void FormDropOff_ByFieldOverall_IsTheShareNeverSubmitted()
    {
        using var world = FormWorld();

        var result = world.Engine().Run(new MetricQuery("form_drop_off", KpiWorld.January) { By = Dimensions.Field });

        Assert.Equal(1 - (4.0 / 10), result.Overall!.Total!.Value, precision: 12);
    }

    [Fact]
    public void FormDropOff_FilteredToOneField_IsThatFieldsShare()
    {
        using var world = FormWorld();
        var query = new MetricQuery("form_drop_off", KpiWorld.January) { Filters = [new Filter(Dimensions.Field, ["email"])] };

        var result = world.Engine().Run(query);

        Assert.Equal((8.0 - 5) / 10, result.Rows.Single().Total!.Value, precision: 12);
    }

    [Fact]
    public void FormDropOff_ByVariant_IsEachVariantsShareNeverSubmitted()
    {
        using var world = FormWorld();

        var byVariant = world.By("form_drop_off", KpiWorld.January, Dimensions.Variant);

        Assert.Equal(1 - (3.0 / 6), byVariant["a"]); // starts 0..5 are variant a
        Assert.Equal(1 - (1.0 / 4), byVariant["b"]);
    }

    [Fact]
    public void FormDropOff_NoFormStarts_HasNoValue()
    {
        using var world = new KpiWorld();

        Assert.Null(world.Total("form_drop_off", KpiWorld.January));
    }

    [Fact]
    public void SoftConversions_DefaultTypes_CountVideoSocialAndContentEvents()
    {
        using var world = SoftWorld();

        Assert.Equal(1 + 2 + 1, world.Total("soft_conversions", KpiWorld.January)); // the page view is not soft by default
    }

    [Fact]
    public void SoftConversions_ConfiguredTypes_CountOnlyThose()
    {
        using var world = SoftWorld();
        var options = new MetricOptions { SoftConversionTypes = [EventType.PageView, EventType.VideoEngaged] };

        Assert.Equal(1 + 1, world.Total("soft_conversions", KpiWorld.January, options));
    }

    [Fact]
    public void ContentUtilization_ByAsset_AddsContentEventsAndSalesActivitiesWithTheAsset()
    {
        using var world = SoftWorld();
        world.Add(
            new ActivityBuilder("act1").At(day: 4).Asset("case-study").Build(),
            new ActivityBuilder("act2").Kind(ActivityKind.Meeting).At(day: 5).Asset("deck").Build(),
            new ActivityBuilder("act3").At(day: 6).Build(),
            new ActivityBuilder("act4").Kind(ActivityKind.Ticket).At(day: 6).Asset("deck").Build(),
            new ActivityBuilder("act5").At(day: 45).Asset("deck").Build());

        var total = world.Total("content_utilization", KpiWorld.January);
        var byAsset = world.By("content_utilization", KpiWorld.January, Dimensions.Asset);

        Assert.Equal(1 + 2, total); // one content_used event, two sales activities with an asset
        Assert.Equal(1 + 1, byAsset["case-study"]);
        Assert.Equal(1, byAsset["deck"]);
    }

    private static KpiWorld CtaWorld()
    {
        var world = new KpiWorld();
        world.Add(
            new EventBuilder("v1").Type(EventType.CtaView).At(day: 2).Cta("demo").Page("/pricing").Build(),
            new EventBuilder("v2").Type(EventType.CtaView).At(day: 3).Cta("demo").Page("/pricing").Build(),
            new EventBuilder("v3").Type(EventType.CtaView).At(day: 3).Cta("demo").Page("/").Build(),
            new EventBuilder("v4").Type(EventType.CtaView).At(day: 4).Cta("trial").Page("/").Build(),
            new EventBuilder("v5").Type(EventType.CtaView).At(day: 33).Cta("trial").Page("/").Build(),
            new EventBuilder("k1").Type(EventType.CtaClick).At(day: 3).Cta("demo").Page("/pricing").Build());
        return world;
    }

    /// <summary>Form "signup": 10 starts (6 on variant a), 8 reached email, 5 reached company, 4 submitted (3 on a).</summary>
    private static KpiWorld FormWorld()
    {
        var world = new KpiWorld();
        var facts = new List<IFact>();
        for (var i = 0; i < 10; i++)
        {
            var variant = i < 6 ? "a" : "b";
            facts.Add(new EventBuilder($"start{i}").Type(EventType.FormStart).At(day: 5).Form("signup").Variant(variant).Build());
            if (i < 8)
            {
                facts.Add(new EventBuilder($"email{i}").Type(EventType.FormField).At(day: 5).Form("signup", "email").Variant(variant).Build());
            }

            if (i < 5)
            {
                facts.Add(new EventBuilder($"company{i}").Type(EventType.FormField).At(day: 5).Form("signup", "company").Variant(variant).Build());
            }

            if (i is < 3 or 6)
            {
                facts.Add(new EventBuilder($"submit{i}").FormSubmit().At(day: 5).Form("signup").Variant(variant).Build());
            }
        }

        world.Add([.. facts]);
        return world;
    }

    private static KpiWorld SoftWorld()
    {
        var world = new KpiWorld();
        world.Add(
            new EventBuilder("vi1").Type(EventType.VideoEngaged).At(day: 2).Build(),
            new EventBuilder("so1").Type(EventType.SocialEngaged).At(day: 3).Build(),
            new EventBuilder("so2").Type(EventType.SocialEngaged).At(day: 4).Build(),
            new EventBuilder("cu1").Type(EventType.ContentUsed).At(day: 4).Asset("case-study").Build(),
            new EventBuilder("pv1").PageView().At(day: 4).Build(),
            new EventBuilder("vi2").Type(EventType.VideoEngaged).At(day: 50).Build());
        return world;
    }
}
