using Northstar.Core.Facts;
using Northstar.Testing.Builders;

namespace Northstar.Testing.Contracts;

/// <summary>
/// A small workspace for the derived views, written so the expected views can be worked out by
/// hand (the numbers the contract checks are in the comments): two visitors who identify later,
/// a contact in two sessions, skipped stages, a contact without events, one without a channel.
/// </summary>
public static class ViewsFixture
{
    /// <summary>
    /// Session starts: e1 (a1, day 1), e4 (c1+a1, day 3), e6 (a2, day 2), e8 (c2+a2, day 4), e10 (a3, day 2): 5, five actors.
    /// Email opens on day 3: e5 and e12 by c1, e9 by c3: 3 events, 2 actors. Form submit e3 (a1+c1, day 1) carries value 10.5.
    /// </summary>
    public static EventFact[] Events { get; } =
    [
        new EventBuilder("e1").SessionStart().At(day: 1, hour: 10).Anonymous("a1").Utm("google", "cpc", "spring").Channel("paid_search").LandingPage("/pricing").Build(),
        new EventBuilder("e2").PageView().At(day: 1, hour: 10, minute: 1).Anonymous("a1").Page("/pricing").Build(),
        new EventBuilder("e3").FormSubmit().At(day: 1, hour: 10, minute: 5).Anonymous("a1").Contact("c1").Form("signup").LandingPage("/signup").Value(10.5m).Build(),
        new EventBuilder("e4").SessionStart().At(day: 3, hour: 9).Anonymous("a1").Contact("c1").Utm("newsletter", "email").Channel("email").LandingPage("/blog").Build(),
        new EventBuilder("e5").Type(EventType.EmailOpen).At(day: 3, hour: 8).Contact("c1").Build(),
        new EventBuilder("e6").SessionStart().At(day: 2, hour: 12).Anonymous("a2").Utm("google", "organic").Channel("organic_search").LandingPage("/home").Build(),
        new EventBuilder("e7").PageView().At(day: 2, hour: 12, minute: 1).Anonymous("a2").Page("/home").Build(),
        new EventBuilder("e8").SessionStart().At(day: 4, hour: 8).Anonymous("a2").Contact("c2").Channel("direct").Build(),
        new EventBuilder("e9").Type(EventType.EmailOpen).At(day: 3, hour: 7).Contact("c3").Build(),
        new EventBuilder("e10").SessionStart().At(day: 2, hour: 15).Anonymous("a3").Build(),
        new EventBuilder("e11").PageView().At(day: 2, hour: 16).Page("/home").Build(),
        new EventBuilder("e12").Type(EventType.EmailOpen).At(day: 3, hour: 11).Contact("c1").Build(),
    ];

    /// <summary>c1 in account acc1 (segment from the account); c2 without created_at or channel; c4 without events.</summary>
    public static Contact[] Contacts { get; } =
    [
        new ContactBuilder("c1").CreatedAt(day: 1, hour: 10).Account("acc1").Channel("referral").Build(),
        new ContactBuilder("c2").CreatedAt(null).Build(),
        new ContactBuilder("c4").CreatedAt(day: 6).Channel("paid_social").Utm("linkedin", "paid_social").Build(),
    ];

    /// <summary>c2 records MQL on day 5 and Customer on day 9 only: Lead and IQL fill with day 5, SAL to Proposal with day 9.</summary>
    public static StageChange[] Stages { get; } =
    [
        new StageChangeBuilder("c2").Stage(Stage.Mql).EnteredAt(day: 5).Build(),
        new StageChangeBuilder("c2").Stage(Stage.Customer).EnteredAt(day: 9).Build(),
        new StageChangeBuilder("c5").Stage(Stage.Lead).EnteredAt(day: 7).Build(),
    ];

    public static Account[] Accounts { get; } = [new AccountBuilder("acc1").Segment("enterprise").Build()];

    /// <summary>
    /// A re-import that moves contributions: e1 to day 2 at 13:00 and to paid_social; e5 becomes an
    /// email click; e3 loses its contact id (a1's link moves to e4, day 3 09:00); e8 moves to day 1
    /// 08:00 (c2's first touch becomes e8, direct). The rest is identical.
    /// </summary>
    public static EventFact[] ChangedEvents { get; } =
    [
        .. Events.Select(e => e.Id switch
        {
            "e1" => e with { Timestamp = BuilderTime.At(2, 13), Channel = "paid_social", Source = "linkedin", Medium = "paid_social" },
            "e5" => e with { Type = EventType.EmailClick },
            "e3" => e with { ContactId = null },
            "e8" => e with { Timestamp = BuilderTime.At(1, 8) },
            _ => e,
        }),
    ];
}
