using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Builders;

namespace Northstar.Testing.Contracts;

/// <summary>
/// A small company written by hand, every rule of the journey builder on it (<see cref="JourneyContract"/>
/// works its journeys out by hand):
/// <list type="bullet">
/// <item>c1: anonymous a1 visits (organic day 1, a paid_social/spring ad click day 5 09:00 and the
/// visit it opens 09:10, merged), fills the form day 6 12:00 (the link; its lead time), email
/// clicks day 10 08:00 and 08:40 (40 minutes apart: two touches), a direct visit as a1 after the
/// link (day 20); opportunity day 20 12:00, customer day 30; deal d1 created day 20, won day 30 (1000).</item>
/// <item>c2: paid_search day 2, referral day 8, email day 12 (and an email send, no touch); deals
/// d2 (created 3, won 10, 500), d3 (11, 15, 300), d4 (15, 16, 200: no touch after d3, untouched).</item>
/// <item>c3 and c4 at account acc9 (c4 known first): d5 has only the account (created 25, won 26,
/// 50), so it is c4's; c4 organic_social day 24; c3 display and referral at the same instant
/// (day 26 10:00, ids e22a before e22b), open deal d7 created day 27 without amount.</item>
/// <item>c5: customer day 40, deal d6 (created 35, won 40, 70), no touch: untouched.</item>
/// <item>a9: a visitor never linked: direct day 3, paid_search/brand ad click day 4; an event of
/// a9 without channel, one with no actor at all.</item>
/// </list>
/// </summary>
public static class JourneyStory
{
    /// <summary>An instant on day 5 that splits the story's events, for read-range checks.</summary>
    public static readonly DateTimeOffset Day5 = new(2026, 1, 5, 9, 10, 0, TimeSpan.Zero);

    /// <summary>Every fact of the story.</summary>
    public static IReadOnlyList<IFact> Facts { get; } = [.. Events(), .. People(), .. Deals()];

    /// <summary>Writes the story in one committed session.</summary>
    public static void Write(IFactStore store, Workspace workspace) => FactWriting.WriteAll(store, workspace, Facts);

    /// <summary>Writes the story into a store, then changes event e32 (its campaign set to "generic") in a second session.</summary>
    public static void WriteWithChangedEvent(IFactStore store, Workspace workspace)
    {
        Write(store, workspace);
        FactWriting.WriteAll(store, workspace, [new EventBuilder("e32").Type(EventType.AdClick).At(day: 4).Anonymous("a9").Channel("paid_search").Utm("google", "cpc", "generic").Build()]);
    }

    private static IFact[] People() =>
    [
        new ContactBuilder("c1").CreatedAt(day: 6, hour: 12).Build(),
        new ContactBuilder("c2").CreatedAt(day: 2).Build(),
        new ContactBuilder("c3").CreatedAt(day: 4).Account("acc9").Build(),
        new ContactBuilder("c4").CreatedAt(day: 2).Account("acc9").Build(),
        new ContactBuilder("c5").CreatedAt(day: 30).Build(),
        new AccountBuilder("acc9").CreatedAt(day: 1).Build(),
        new StageChangeBuilder("c1").Stage(Stage.Lead).EnteredAt(day: 6, hour: 12).Build(),
        new StageChangeBuilder("c1").Stage(Stage.Opportunity).EnteredAt(day: 20, hour: 12).Build(),
        new StageChangeBuilder("c1").Stage(Stage.Customer).EnteredAt(day: 30).Build(),
        new StageChangeBuilder("c5").Stage(Stage.Customer).EnteredAt(day: 40).Build(),
    ];

    private static EventFact[] Events() =>
    [
        new EventBuilder("e01").SessionStart().At(day: 1, hour: 10).Anonymous("a1").Channel("organic_search").Build(),
        new EventBuilder("e02").Type(EventType.AdClick).At(day: 5, hour: 9).Anonymous("a1").Channel("paid_social").Utm("facebook", "paid_social", "spring").Build(),
        new EventBuilder("e03").SessionStart().At(day: 5, hour: 9, minute: 10).Anonymous("a1").Channel("paid_social").Utm("facebook", "paid_social", "spring").Build(),
        new EventBuilder("e04").FormSubmit().At(day: 6, hour: 12).Anonymous("a1").Contact("c1").Build(),
        new EventBuilder("e05").Type(EventType.EmailClick).At(day: 10, hour: 8).Contact("c1").Channel("email").Utm("newsletter", "email", "nurture").Build(),
        new EventBuilder("e06").SessionStart().At(day: 10, hour: 8, minute: 40).Contact("c1").Channel("email").Utm("newsletter", "email", "nurture").Build(),
        new EventBuilder("e07").SessionStart().At(day: 20).Anonymous("a1").Channel("direct").Build(),
        new EventBuilder("e08").PageView().At(day: 21).Contact("c1").Channel("direct").Build(),
        new EventBuilder("e11").SessionStart().At(day: 2).Contact("c2").Channel("paid_search").Build(),
        new EventBuilder("e12").SessionStart().At(day: 8).Contact("c2").Channel("referral").Build(),
        new EventBuilder("e13").Type(EventType.EmailClick).At(day: 12).Contact("c2").Channel("email").Build(),
        new EventBuilder("e14").Type(EventType.EmailSent).At(day: 12, hour: 1).Contact("c2").Channel("email").Build(),
        new EventBuilder("e21").SessionStart().At(day: 24).Contact("c4").Channel("organic_social").Build(),
        new EventBuilder("e22b").SessionStart().At(day: 26, hour: 10).Contact("c3").Channel("referral").Build(),
        new EventBuilder("e22a").SessionStart().At(day: 26, hour: 10).Contact("c3").Channel("display").Build(),
        new EventBuilder("e31").SessionStart().At(day: 3).Anonymous("a9").Channel("direct").Build(),
        new EventBuilder("e32").Type(EventType.AdClick).At(day: 4).Anonymous("a9").Channel("paid_search").Utm("google", "cpc", "brand").Build(),
        new EventBuilder("e33").SessionStart().At(day: 5).Anonymous("a9").Build(),
        new EventBuilder("e41").SessionStart().At(day: 5).Channel("direct").Build(),
    ];

    private static Deal[] Deals() =>
    [
        new DealBuilder("d1").Contact("c1").CreatedAt(day: 20).Won(day: 30, amount: 1000m).Build(),
        new DealBuilder("d2").Contact("c2").CreatedAt(day: 3).Won(day: 10, amount: 500m).Build(),
        new DealBuilder("d3").Contact("c2").CreatedAt(day: 11).Won(day: 15, amount: 300m).Build(),
        new DealBuilder("d4").Contact("c2").CreatedAt(day: 15).Won(day: 16, amount: 200m).Build(),
        new DealBuilder("d5").Account("acc9").CreatedAt(day: 25).Won(day: 26, amount: 50m).Build(),
        new DealBuilder("d6").Contact("c5").CreatedAt(day: 35).Won(day: 40, amount: 70m).Build(),
        new DealBuilder("d7").Contact("c3").CreatedAt(day: 27).Build(),
    ];
}
