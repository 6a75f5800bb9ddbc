using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>Writes the events of one session: ad click, session start, page views, CTAs, engagement, form.</summary>
internal sealed class SessionSimulator(Xoshiro rng, FactWriter writer)
{
    private static readonly string[] FormFields = ["email", "name", "company", "role"];
    private string? _sessionId;

    /// <summary>Writes the session; returns the time of the form submission (or the session end).</summary>
    public DateTimeOffset Write(Visit visit, string? submittingContactId = null)
    {
        var t = visit.Start;
        if (visit.AdClick)
        {
            WriteAd(visit, t);
        }

        var channel = visit.Channel;
        Add(visit, EventType.SessionStart, t, withSource: true, page: null);
        Add(visit, EventType.PageView, t, page: visit.LandingPage);
        WriteCta(visit, t, visit.LandingPage);
        var pages = rng.Geometric(0.45, 5);
        for (var i = 0; i < pages; i++)
        {
            t = t.AddSeconds(rng.Between(20, 150));
            var page = rng.Pick(DemoChannels.SitePages);
            Add(visit, EventType.PageView, t, page: page);
            WriteCta(visit, t, page);
        }

        if (channel.Engagement is { } engagement && rng.Chance(0.3))
        {
            Add(visit, engagement, t.AddSeconds(5), page: visit.LandingPage);
        }

        return visit.Outcome == VisitOutcome.Browse ? t : WriteForm(visit, t.AddSeconds(rng.Between(10, 60)), submittingContactId);
    }

    private void WriteAd(Visit visit, DateTimeOffset start)
    {
        var impressions = rng.Between(1, 3);
        for (var i = impressions; i > 0; i--)
        {
            Add(visit, EventType.AdImpression, start.AddMinutes(-i * rng.Between(1, 4)), withSource: true, page: null);
        }

        Add(visit, EventType.AdClick, start.AddSeconds(-1), withSource: true, page: null);
    }

    private void WriteCta(Visit visit, DateTimeOffset at, string page)
    {
        if (!rng.Chance(0.4))
        {
            return;
        }

        var cta = page.StartsWith("/blog", StringComparison.Ordinal) ? "get_guide" : "book_demo";
        Add(visit, EventType.CtaView, at.AddSeconds(2), page: page, cta: cta);
        if (rng.Chance(0.12))
        {
            Add(visit, EventType.CtaClick, at.AddSeconds(rng.Between(3, 40)), page: page, cta: cta);
        }
    }

    private DateTimeOffset WriteForm(Visit visit, DateTimeOffset t, string? contactId)
    {
        var form = visit.LandingPage is CompanyModel.AbLandingPage or "/pricing" ? "demo_request" : "content_download";
        var page = visit.LandingPage;
        Add(visit, EventType.FormStart, t, page: page, form: form);
        var fields = visit.Outcome == VisitOutcome.SubmitForm ? FormFields.Length : rng.Between(0, FormFields.Length - 1);
        for (var i = 0; i < fields; i++)
        {
            t = t.AddSeconds(rng.Between(3, 25));
            Add(visit, EventType.FormField, t, page: page, form: form, field: FormFields[i]);
        }

        if (visit.Outcome == VisitOutcome.SubmitForm)
        {
            t = t.AddSeconds(rng.Between(2, 10));
            writer.Add(new EventFact
            {
                Id = writer.NextEvent(), Timestamp = t, Type = EventType.FormSubmit, AnonymousId = visit.AnonymousId,
                ContactId = contactId, SessionId = _sessionId, Page = page, LandingPage = visit.LandingPage, Form = form,
                Variant = visit.Variant,
            });
        }

        return t;
    }

    private void Add(Visit visit, EventType type, DateTimeOffset at, bool withSource = false, string? page = null,
        string? cta = null, string? form = null, string? field = null)
    {
        if (type == EventType.SessionStart)
        {
            _sessionId = writer.NextSession();
        }

        var channel = visit.Channel;
        var ad = type is EventType.AdImpression or EventType.AdClick;
        writer.Add(new EventFact
        {
            Id = writer.NextEvent(),
            Timestamp = at,
            Type = type,
            AnonymousId = visit.AnonymousId,
            ContactId = visit.ContactId,
            SessionId = ad ? null : _sessionId,
            Source = withSource ? channel.Source : null,
            Medium = withSource ? channel.Medium : null,
            Campaign = withSource ? visit.Campaign : null,
            Channel = withSource ? channel.Id : null,
            LandingPage = type == EventType.SessionStart ? visit.LandingPage : null,
            Page = page,
            Referrer = type == EventType.SessionStart ? channel.Referrer : null,
            Cta = cta,
            Form = form,
            Field = field,
            Variant = visit.Variant,
        });
    }
}
