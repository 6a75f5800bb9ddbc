using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>Account health and activity vs impact on small fixtures worked out by hand.</summary>
public class AccountKpiTests
{
    [Fact]
    public void AccountHealth_FourLiveAccounts_ShareGreenAndShareByColour()
    {
        using var world = HealthWorld();

        // As of 1 February (the end of January): A green, B red (score 5), C amber (one ticket),
        // D red (quiet and due for renewal in 28 days); E ended in January and is not counted.
        Assert.Equal(1.0 / 4, world.Total("account_health", KpiWorld.January));
        var byColour = world.By("account_health", KpiWorld.January, Dimensions.Health);
        Assert.Equal(1.0 / 4, byColour["green"]);
        Assert.Equal(1.0 / 4, byColour["amber"]);
        Assert.Equal(2.0 / 4, byColour["red"]);
    }

    [Fact]
    public void ActivityVsImpact_ChannelWithActivityAndNoLeads_ScoresZeroAndIsFlaggedAsVanity()
    {
        using var world = new KpiWorld();
        world.Add(
        [
            new EventBuilder("e1").SessionStart().At(day: 2).Contact("c1").Channel("email").Build(),
            new EventBuilder("e2").SessionStart().At(day: 3).Contact("c2").Channel("email").Build(),
            new EventBuilder("e3").SessionStart().At(day: 4).Anonymous("x").Channel("email").Build(),
            .. Enumerable.Range(0, 10).Select(i => new EventBuilder($"p{i}").SessionStart().At(day: 6).Anonymous($"v{i}").Channel("paid_social").Build()),
            new StageChangeBuilder("c1").Stage(Stage.Lead).EnteredAt(day: 5).Build(),
            new StageChangeBuilder("c2").Stage(Stage.Lead).EnteredAt(day: 5).Build(),
        ]);

        var result = world.Engine().Run(new MetricQuery("activity_vs_impact", KpiWorld.January) { By = Dimensions.Channel });

        // email: 2 leads per 3 events; paid_social: 0 leads per 10 events (77% of the activity, none of the leads).
        var byChannel = result.Rows.ToDictionary(r => r.Group, r => r.Total);
        Assert.Equal(2 * 1000.0 / 3, byChannel["email"]!.Value, precision: 9);
        Assert.Equal(0, byChannel["paid_social"]);
        Assert.Contains(result.Notes, n => n.StartsWith("Vanity: paid_social", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.Contains("email", StringComparison.Ordinal));
    }

    private static KpiWorld HealthWorld()
    {
        var world = new KpiWorld();
        world.Add(
        [
            new SubscriptionBuilder("sa").Account("A").StartedAt(day: 1).Mrr(100).Build(),
            new ActivityBuilder("a1").Kind(ActivityKind.Meeting).At(day: 25).For(null, "A").Build(),
            new SurveyAnswerBuilder("r1").Score(10).AnsweredAt(day: 20).By(null, "A").Build(),
            new SubscriptionBuilder("sb").Account("B").StartedAt(day: 1).Mrr(100).Build(),
            new SurveyAnswerBuilder("r2").Score(5).AnsweredAt(day: 10).By(null, "B").Build(),
            new ActivityBuilder("b1").Kind(ActivityKind.Meeting).At(day: 28).For(null, "B").Build(),
            new SubscriptionBuilder("sc").Account("C").StartedAt(day: 1).Mrr(100).Build(),
            new ActivityBuilder("c1").Kind(ActivityKind.Meeting).At(day: 30).For(null, "C").Build(),
            new ActivityBuilder("c2").Kind(ActivityKind.Ticket).At(day: 20).For(null, "C").Build(),
            new SubscriptionBuilder("sd").Account("D").StartedAt(day: 1).Mrr(100).RenewalDue(day: 60).Build(),
            new SubscriptionBuilder("se").Account("E").StartedAt(day: 1).EndedAt(day: 20).Mrr(100).Build(),
        ]);
        return world;
    }
}
