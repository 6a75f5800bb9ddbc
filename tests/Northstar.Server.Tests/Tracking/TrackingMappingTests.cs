using System.Net;
using System.Text.Json.Nodes;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Tracking;

namespace Northstar.Server.Tests.Tracking;

/// <summary>How tracking calls become facts: sessions and their traffic source, identities, accounts, track names.</summary>
public sealed class TrackingMappingTests
{
    [Fact]
    public async Task Page_WithUtmTags_StartsASessionWithSourceMediumCampaignAndChannel()
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(
            Calls.Page("p1", "https://acme.test/pricing?utm_source=google&utm_medium=cpc&utm_campaign=spring+sale", "https://www.google.com/"),
            Calls.Page("p2", "https://acme.test/signup", "https://acme.test/pricing", timestamp: "2026-03-02T11:05:00Z")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = t.Events().ToDictionary(e => e.Id);
        Assert.Equal(3, events.Count);
        var start = events["p1:session"];
        Assert.Equal(EventType.SessionStart, start.Type);
        Assert.Equal(("google", "cpc", "spring sale"), (start.Source, start.Medium, start.Campaign));
        // GA4's default grouping: medium cpc with a search engine source is paid search.
        Assert.Equal("paid_search", start.Channel);
        Assert.Equal("/pricing", start.LandingPage);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), start.Timestamp);
        Assert.Equal(EventType.PageView, events["p1"].Type);
        Assert.Equal("/pricing", events["p1"].Page);
        // Five minutes later on the same site: the same session, no new start.
        Assert.Equal(EventType.PageView, events["p2"].Type);
        Assert.Equal("p1:session", events["p2"].SessionId);
    }

    [Fact]
    public async Task Page_AfterThirtyMinutesOrFromAnotherSite_StartsANewSession()
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(
            Calls.Page("a", "https://acme.test/", timestamp: "2026-03-02T09:00:00Z"),
            Calls.Page("b", "https://acme.test/x", "https://acme.test/", timestamp: "2026-03-02T09:30:00Z"),
            Calls.Page("c", "https://acme.test/y", "https://acme.test/x", timestamp: "2026-03-02T10:00:01Z"),
            Calls.Page("d", "https://acme.test/z", "https://blog.example.org/post", timestamp: "2026-03-02T10:05:00Z")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var starts = t.Events().Where(e => e.Type == EventType.SessionStart).ToDictionary(e => e.Id);
        // a: first page; b: 30 min exactly, same session; c: 30 min 1 s later, new; d: another site refers, new.
        Assert.Equal(["a:session", "c:session", "d:session"], starts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("direct", starts["a:session"].Channel);
        Assert.Equal("referral", starts["d:session"].Channel);
        Assert.Equal("https://blog.example.org/post", starts["d:session"].Referrer);
    }

    [Fact]
    public async Task Identify_LinksTheEarlierAnonymousVisitToTheContactsFirstTouch()
    {
        await using var t = await TrackingServer.StartAsync();
        var identify = Calls.Base("identify", "i1", "anon-7", "contact-7", "2026-03-02T11:10:00Z");
        identify["traits"] = new JsonObject { ["email"] = "ann@example.com", ["plan"] = "pro" };

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(
            Calls.Page("p1", "https://acme.test/?utm_source=newsletter&utm_medium=email&utm_campaign=march", anonymousId: "anon-7"),
            identify));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = Assert.Single(t.Server.Store.ReadIdentities(t.Workspace));
        Assert.Equal(("anon-7", "contact-7"), (link.AnonymousId, link.ContactId));
        var lifecycle = Assert.Single(t.Server.Store.ReadLifecycles(t.Workspace));
        Assert.Equal("contact-7", lifecycle.ContactId);
        Assert.Equal(("newsletter", "email", "march", "email"), (lifecycle.Source, lifecycle.Medium, lifecycle.Campaign, lifecycle.Channel));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), lifecycle.FirstTouch?.Timestamp);
        var contact = Assert.Single(t.Server.Store.Read<Contact>(t.Workspace));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 10, 0, TimeSpan.Zero), contact.CreatedAt);
        Assert.Equal("ann@example.com", contact.Properties.Get("email"));
    }

    [Fact]
    public async Task Identify_OfAContactACrmImportMade_LeavesItsFieldsAlone()
    {
        await using var t = await TrackingServer.StartAsync();
        var crm = new Contact { ContactId = "c1", CreatedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), Source = "crm", Segment = "enterprise" };
        using (var session = t.Server.Store.BeginWrite(t.Workspace))
        {
            session.Write<Contact>([crm], new List<int>());
            session.Commit();
        }

        var identify = Calls.Base("identify", "i1", "anon-1", "c1", "2026-03-02T11:00:00Z");
        identify["traits"] = new JsonObject { ["email"] = "x@example.com" };
        using var response = await t.PostAsync("/v1/identify", identify.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(crm, Assert.Single(t.Server.Store.Read<Contact>(t.Workspace)));
        Assert.Equal(EventType.Identify, Assert.Single(t.Events()).Type);
    }

    [Fact]
    public async Task Identify_CountsInNoKpi()
    {
        await using var t = await TrackingServer.StartAsync();
        var crm = new Contact { ContactId = "c1", CreatedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        using (var session = t.Server.Store.BeginWrite(t.Workspace))
        {
            session.Write<Contact>([crm], new List<int>());
            session.Commit();
        }

        var range = new DateRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
        var engine = new MetricsEngine(t.Server.Store, t.Workspace, new MetricOptions(), new FrozenClock(TrackingServer.Now));
        var before = Values(engine, range);

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(
            Calls.Base("identify", "i1", "anon-1", "c1", "2026-03-02T11:00:00Z"),
            Calls.Base("alias", "a1", null, "c1", "2026-03-02T11:00:00Z").Also("previousId", "anon-2")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, t.Events().Count(e => e.Type == EventType.Identify));
        Assert.Equal(before, Values(new MetricsEngine(t.Server.Store, t.Workspace, new MetricOptions(), new FrozenClock(TrackingServer.Now)), range));
    }

    [Fact]
    public async Task Alias_LinksThePreviousIdToTheUser()
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/alias",
            Calls.Base("alias", "a1", null, "user-9", "2026-03-02T11:00:00Z").Also("previousId", "anon-9").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = Assert.Single(t.Server.Store.ReadIdentities(t.Workspace));
        Assert.Equal(("anon-9", "user-9"), (link.AnonymousId, link.ContactId));
    }

    [Fact]
    public async Task Group_CreatesTheAccountAndLinksTheContactOnlyWhenItHasNone()
    {
        await using var t = await TrackingServer.StartAsync();
        using (var session = t.Server.Store.BeginWrite(t.Workspace))
        {
            session.Write<Contact>([new Contact { ContactId = "has", AccountId = "old-co" }, new Contact { ContactId = "none" }], new List<int>());
            session.Commit();
        }

        var traits = new JsonObject { ["name"] = "Initech", ["industry"] = "software" };
        using var response = await t.PostAsync("/v1/batch", Calls.Batch(
            Calls.Base("group", "g1", null, "has", "2026-03-02T11:00:00Z").Also("groupId", "initech").Also("traits", traits),
            Calls.Base("group", "g2", null, "none", "2026-03-02T11:00:00Z").Also("groupId", "initech"),
            Calls.Base("group", "g3", null, "new", "2026-03-02T11:00:00Z").Also("groupId", "initech"),
            Calls.Base("group", "g4", "anon", null, "2026-03-02T11:00:00Z")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var account = Assert.Single(t.Server.Store.Read<Account>(t.Workspace));
        Assert.Equal(("initech", "Initech", "software"), (account.AccountId, account.Name, account.Industry));
        var contacts = t.Server.Store.Read<Contact>(t.Workspace).ToDictionary(c => c.ContactId, c => c.AccountId);
        Assert.Equal("old-co", contacts["has"]);
        Assert.Equal("initech", contacts["none"]);
        Assert.Equal("initech", contacts["new"]);
    }

    [Fact]
    public async Task Track_MappedAndUnmappedNames_BecomeTheirTypesAndCustomKeepsTheName()
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(
            Calls.Track("f", "Form Submitted").Also("properties", new JsonObject { ["form_id"] = "contact-us", ["value"] = 12.5 }),
            Calls.Track("o", "email opened"),
            Calls.Track("c", "Email Link Clicked"),
            Calls.Track("u", "Pizza Ordered")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = t.Events().ToDictionary(e => e.Id);
        Assert.Equal(EventType.FormSubmit, events["f"].Type);
        Assert.Equal("contact-us", events["f"].Form);
        Assert.Equal(12.5m, events["f"].Value);
        Assert.Equal(EventType.EmailOpen, events["o"].Type);
        Assert.Equal(EventType.EmailClick, events["c"].Type);
        Assert.Equal(EventType.Custom, events["u"].Type);
        Assert.Equal("Pizza Ordered", events["u"].Properties.Get("event"));
    }

    [Fact]
    public async Task Track_WorkspaceSetting_ChangesTheMapping()
    {
        await using var t = await TrackingServer.StartAsync();
        var settings = t.Server.App.Services.GetService(typeof(ICustomKpiStore)) as ICustomKpiStore;

        using var before = await t.PostAsync("/v1/track", Calls.Track("t1", "Pizza Ordered").ToJsonString());
        settings!.SetSetting(t.Workspace, TrackEventNames.SettingKey, "{\"Pizza Ordered\": \"meeting_booked\", \"Form Submitted\": \"custom\"}");
        using var after = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("t2", "Pizza Ordered"), Calls.Track("t3", "Form Submitted")));

        var events = t.Events().ToDictionary(e => e.Id, e => e.Type);
        Assert.Equal(EventType.Custom, events["t1"]);
        Assert.Equal(EventType.MeetingBooked, events["t2"]);
        Assert.Equal(EventType.Custom, events["t3"]);
    }

    private static List<(string, double?)> Values(MetricsEngine engine, DateRange range) =>
        [.. engine.Kpis.Select(k => (k.Id, Safe(() => engine.Run(new MetricQuery(k.Id, range)).Overall?.Total)))];

    private static double? Safe(Func<double?> read)
    {
        try
        {
            return read();
        }
        catch (MetricQueryException)
        {
            // A KPI this data cannot answer (e.g. needs a setting) answers the same before and after.
            return -1;
        }
    }
}
