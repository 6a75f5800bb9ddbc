using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Testing.Builders;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>Who an event belongs to, on a workspace written for one rule each.</summary>
public abstract partial class JourneyContract
{
    [Fact]
    public void Build_AnonymousIdSpeltAsAContactId_StaysTwoActorsContactFirst()
    {
        var ws = Store.GetOrCreateWorkspace("actors");
        FactWriting.WriteAll(Store, ws,
        [
            new EventBuilder("e1").SessionStart().At(day: 2).Anonymous("x").Channel("display").Build(),
            new EventBuilder("e2").SessionStart().At(day: 3).Contact("x").Channel("email").Build(),
            new EventBuilder("e3").SessionStart().At(day: 4).Anonymous("w").Channel("direct").Build(),
        ]);

        var set = JourneyBuilder.Build(Store, ws, Options(ConversionGoal.Entered(Stage.Mql)));

        Assert.Equal(
            ["w open 0: direct@01-04 00:00", "x open 0: email@01-03 00:00", "x open 0: display@01-02 00:00"],
            JourneyText.Of(set.Journeys));
    }

    [Fact]
    public void Build_EventWithBothIds_BelongsToItsContactAndLinksTheAnonymousId()
    {
        // e1 carries a9 and c1: a9's earlier visit is c1's; c2's own event with a9 stays c2's. c1's MQL
        // fills its skipped lead stage at the same time, so the email visit is also its lead touch.
        var ws = Store.GetOrCreateWorkspace("actors");
        FactWriting.WriteAll(Store, ws,
        [
            new EventBuilder("e0").SessionStart().At(day: 1).Anonymous("a9").Channel("organic_search").Build(),
            new EventBuilder("e1").SessionStart().At(day: 2).Anonymous("a9").Contact("c1").Channel("email").Build(),
            new EventBuilder("e2").SessionStart().At(day: 3).Anonymous("a9").Contact("c2").Channel("referral").Build(),
        ]);
        FactWriting.WriteAll(Store, ws, [new StageChangeBuilder("c1").Stage(Stage.Mql).EnteredAt(day: 2, hour: 1).Build()]);

        var set = JourneyBuilder.Build(Store, ws, Options(ConversionGoal.Entered(Stage.Mql)));

        Assert.Equal(
            ["c1 01-02 01:00 0: organic_search@01-01 00:00, email@01-02 00:00 +lead", "c2 open 0: referral@01-03 00:00"],
            JourneyText.Of(set.Journeys));
    }
}
