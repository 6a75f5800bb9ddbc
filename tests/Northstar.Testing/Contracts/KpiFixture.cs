using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Builders;

namespace Northstar.Testing.Contracts;

/// <summary>
/// A small company of every fact kind in January to March 2026 (builder day 1 is 2026-01-01;
/// February starts on day 32, March on day 60), small enough to work its KPIs out by hand.
/// <see cref="KpiContract"/> writes it to the backend and to the in-memory reference store.
/// The figures a test checks by hand are in the comments beside the facts.
/// </summary>
public static class KpiFixture
{
    /// <summary>
    /// Sessions: January 3 (paid_search 2, organic 1), February 2 (email 1, organic 1).
    /// Leads: January c1, c2; February c3, c4; March c5. MQLs: January c1; February c2, c4.
    /// Customers: February c1 (c0, a customer of 2025, churns in February).
    /// Spend: January 1,000 media paid_search + 200 tools email; February 1,500 media
    /// paid_search + 300 service (not acquisition spend). New revenue: February 12,000 (d1, c1
    /// a customer on day 50); the 3,000 of March is an expansion.
    /// </summary>
    public static IReadOnlyList<IFact> Facts { get; } = Build();

    /// <summary>Writes the facts in one committed session (<see cref="FactWriting.WriteAll"/>).</summary>
    public static void Write(IFactStore store, Workspace workspace, IEnumerable<IFact> facts) => FactWriting.WriteAll(store, workspace, facts);

    private static List<IFact> Build() =>
    [
        .. Traffic(),
        .. Funnel(),
        .. Money(),
        .. Customers(),
    ];

    private static IEnumerable<IFact> Traffic() =>
    [
        new EventBuilder("s1").SessionStart().At(day: 2, hour: 9).Anonymous("a1").Session("v1").Channel("paid_search").Utm("google", "cpc", "spring").LandingPage("/pricing").Build(),
        new EventBuilder("p1").PageView().At(day: 2, hour: 9, minute: 1).Anonymous("a1").Session("v1").Channel("paid_search").Page("/pricing").Build(),
        new EventBuilder("cv1").Type(EventType.CtaView).At(day: 2, hour: 9, minute: 2).Anonymous("a1").Session("v1").Cta("demo").Page("/pricing").Build(),
        new EventBuilder("cc1").Type(EventType.CtaClick).At(day: 2, hour: 9, minute: 3).Anonymous("a1").Session("v1").Cta("demo").Page("/pricing").Build(),
        new EventBuilder("s2").SessionStart().At(day: 3, hour: 10).Anonymous("a2").Session("v2").Channel("organic").Utm("google", "organic").LandingPage("/blog/kpis").Build(),
        new EventBuilder("s3").SessionStart().At(day: 5, hour: 8).Anonymous("a3").Session("v3").Channel("paid_search").Utm("google", "cpc", "spring").LandingPage("/demo").Build(),
        new EventBuilder("fs1").Type(EventType.FormStart).At(day: 5, hour: 8, minute: 4).Anonymous("a3").Session("v3").Form("demo", "email").LandingPage("/demo").Build(),
        new EventBuilder("f1").FormSubmit().At(day: 5, hour: 8, minute: 5).Anonymous("a3").Contact("c1").Session("v3").Form("demo").LandingPage("/demo").Variant("b").Build(),
        new EventBuilder("em1").Type(EventType.EmailSent).At(day: 33).Contact("c1").Channel("email").Utm("newsletter", "email", "feb").Build(),
        new EventBuilder("eo1").Type(EventType.EmailOpen).At(day: 33, hour: 2).Contact("c1").Channel("email").Build(),
        new EventBuilder("ec1").Type(EventType.EmailClick).At(day: 33, hour: 3).Contact("c1").Channel("email").Build(),
        new EventBuilder("s4").SessionStart().At(day: 34, hour: 11).Contact("c1").Session("v4").Channel("email").Utm("newsletter", "email", "feb").LandingPage("/pricing").Build(),
        new EventBuilder("mb1").Type(EventType.MeetingBooked).At(day: 34, hour: 12).Contact("c1").Session("v4").Build(),
        new EventBuilder("s5").SessionStart().At(day: 38, hour: 15).Anonymous("a5").Session("v5").Channel("organic").LandingPage("/blog/kpis").Build(),
        new EventBuilder("fs5").Type(EventType.FormStart).At(day: 38, hour: 15, minute: 6).Anonymous("a5").Session("v5").Form("demo", "email").Build(),
        new EventBuilder("ff5").Type(EventType.FormField).At(day: 38, hour: 15, minute: 7).Anonymous("a5").Session("v5").Form("demo", "company").Build(),
        new EventBuilder("vid1").Type(EventType.VideoEngaged).At(day: 38, hour: 15, minute: 5).Anonymous("a5").Session("v5").Asset("demo-video").Build(),
        new EventBuilder("ai1").Type(EventType.AdImpression).At(day: 2).Channel("paid_search").Utm("google", "cpc", "spring").Build(),
        new SeriesPointBuilder("brand_search_volume").On(10).Value(120).Build(),
        new SeriesPointBuilder("brand_search_volume").On(40).Value(150).Build(),
        new SeriesPointBuilder("mentions").On(10).Dimension("brand=acme;sentiment=positive").Value(6).Build(),
        new SeriesPointBuilder("mentions").On(10).Dimension("brand=acme;sentiment=negative").Value(2).Build(),
        new SeriesPointBuilder("mentions").On(10).Dimension("brand=rival;sentiment=positive").Value(12).Build(),
        new SeriesPointBuilder("ad_revenue").On(12).Value(500).Build(),
        new SeriesPointBuilder("subscribers_gained").On(12).Value(30).Build(),
        new SeriesPointBuilder("subscribers_lost").On(40).Value(4).Build(),
    ];

    private static IEnumerable<IFact> Funnel() =>
    [
        new ContactBuilder("c1").CreatedAt(day: 5, hour: 8).Account("acc1").Segment("enterprise").IcpFit(true).Channel("paid_search").Utm("google", "cpc", "spring").Owner("ana").Build(),
        new ContactBuilder("c2").CreatedAt(day: 10).Account("acc2").Segment("smb").IcpFit(false).Channel("organic").Owner("bo").Build(),
        new ContactBuilder("c3").CreatedAt(day: 40).Segment("smb").Channel("email").Build(),
        new ContactBuilder("c4").CreatedAt(day: 45).Segment("enterprise").IcpFit(true).Channel("paid_search").Owner("ana").Build(),
        new ContactBuilder("c5").CreatedAt(day: 65).Channel("customer_referral").Build(),
        new ContactBuilder("c0").CreatedAt(day: -100).Account("acc2").Segment("smb").Channel("organic").Build(),
        Entered("c1", Stage.Lead, 5, 8),
        Entered("c1", Stage.Mql, 8),
        Entered("c1", Stage.Sql, 20), // skips SAL: entered at day 20 too
        Entered("c1", Stage.Opportunity, 25),
        Entered("c1", Stage.Proposal, 30),
        Entered("c1", Stage.Customer, 50),
        Entered("c2", Stage.Lead, 10),
        Entered("c2", Stage.Mql, 40),
        Entered("c3", Stage.Lead, 40),
        Entered("c4", Stage.Lead, 45),
        Entered("c4", Stage.Mql, 46),
        Entered("c4", Stage.Sal, 47),
        Entered("c4", Stage.Sql, 49),
        Entered("c5", Stage.Lead, 65),
        Entered("c0", Stage.Customer, -50),
        Entered("c0", Stage.Churned, 52),
        new ActivityBuilder("act1").Kind(ActivityKind.SalesCall).At(day: 8, hour: 10).For("c1", "acc1").Owner("ana").Asset("case-study").Build(),
        new ActivityBuilder("act2").Kind(ActivityKind.SalesEmail).At(day: 43).For("c2", "acc2").Owner("bo").Build(),
        new ActivityBuilder("act3").Kind(ActivityKind.Meeting).At(day: 47).For("c4").Owner("ana").Build(),
    ];

    private static IEnumerable<IFact> Money() =>
    [
        new SpendBuilder("paid_search").On(3).Campaign("spring").Kind(SpendKind.Media).Amount(1_000m).Delivery(5_000, 250).Build(),
        new SpendBuilder("email").On(4).Kind(SpendKind.Tools).Amount(200m).Build(),
        new SpendBuilder("paid_search").On(35).Campaign("spring").Kind(SpendKind.Media).Amount(1_500m).Delivery(6_000, 300).Build(),
        new SpendBuilder("paid_search").On(36).Kind(SpendKind.Service).Amount(300m).Build(),
        new DealBuilder("d1").Contact("c1").Account("acc1").CreatedAt(day: 25).Amount(12_000m, 15_000m).Source(DealSource.Marketing).Won(day: 50, amount: 12_000m).Build(),
        new DealBuilder("d2").Contact("c2").Account("acc2").CreatedAt(day: 41).Amount(5_000m).Source(DealSource.Sales).Build(),
        new DealBuilder("d3").Contact("c1").Account("acc1").CreatedAt(day: 62).Type(DealType.Expansion).Won(day: 70, amount: 3_000m).Build(),
        new DealBuilder("d4").Contact("c4").CreatedAt(day: 48).Amount(4_000m).Source(DealSource.Partner).Lost(day: 75).Build(),
    ];

    private static IEnumerable<IFact> Customers() =>
    [
        new AccountBuilder("acc1").Name("Acme").Segment("enterprise").Industry("software").CreatedAt(day: 5).Build(),
        new AccountBuilder("acc2").Name("Globex").Segment("smb").Industry("retail").CreatedAt(day: 10).Build(),
        new SubscriptionBuilder("sub1").Account("acc1").StartedAt(50).Mrr(1_000m).RenewalDue(80, renewed: true).Build(),
        new SubscriptionBuilder("sub0").Account("acc2").StartedAt(-200).Mrr(400m).EndedAt(52).Build(),
        new SurveyAnswerBuilder("r1").Score(10).AnsweredAt(day: 55).By("c1", "acc1").Comment("great").Build(),
        new SurveyAnswerBuilder("r2").Score(9).AnsweredAt(day: 56).By("c2", "acc2").Build(),
        new SurveyAnswerBuilder("r3").Score(4).AnsweredAt(day: 61).By("c4").Build(),
    ];

    private static StageChange Entered(string contact, Stage stage, int day, int hour = 0) =>
        new StageChangeBuilder(contact).Stage(stage).EnteredAt(day, hour).Build();
}
