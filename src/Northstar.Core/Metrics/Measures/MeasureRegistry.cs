using Northstar.Core.Facts;
using Northstar.Core.Metrics.Formulas;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Measures;

/// <summary>Every measure a KPI or a custom formula can use, by name.</summary>
internal sealed partial class MeasureRegistry : IMeasureCatalog
{
    private readonly Dictionary<string, Measure> _byName;

    public MeasureRegistry(MetricOptions options)
    {
        IEnumerable<Measure> all = [.. EventMeasures(options), .. ContactMeasures(), .. DealMeasures(), .. OtherMeasures()];
        All = [.. all];
        _byName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<Measure> All { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Names => [.. _byName.Keys];

    /// <inheritdoc />
    MeasureInfo? IMeasureCatalog.Find(string name) =>
        _byName.TryGetValue(name, out var measure) ? new MeasureInfo(measure.Name, measure.Unit, measure.SupportedDimensions) : null;

    public Measure? Find(string name) => _byName.GetValueOrDefault(name);

    public Measure Get(string name) => Find(name) ?? throw new KeyNotFoundException($"No measure '{name}'.");

    private static IEnumerable<Measure> EventMeasures(MetricOptions options)
    {
        static EventMeasure Events(string name, string definition, params EventType[] types) => new(name, types, definition);

        yield return Events("sessions", "visits: session_start events", EventType.SessionStart);
        yield return Events("landing_page_views", "sessions by the page they landed on (session_start events; GA4's landing page report)", EventType.SessionStart);
        yield return Events("page_views", "page_view events", EventType.PageView);
        yield return Events("cta_views", "calls to action shown: cta_view events", EventType.CtaView);
        yield return Events("cta_clicks", "calls to action clicked: cta_click events", EventType.CtaClick);
        yield return Events("form_starts", "form_start events", EventType.FormStart);
        yield return Events("form_field_completions", "form_field events (one per visitor and field reached)", EventType.FormField);
        yield return Events("form_submissions", "form_submit events", EventType.FormSubmit);
        yield return Events("emails_sent", "email_sent events", EventType.EmailSent);
        yield return Events("email_opens", "email_open events", EventType.EmailOpen);
        yield return Events("email_clicks", "email_click events", EventType.EmailClick);
        yield return Events("email_replies", "email_reply events", EventType.EmailReply);
        yield return Events("meetings_booked", "meeting_booked events", EventType.MeetingBooked);
        yield return Events("video_engagements", "video_engaged events", EventType.VideoEngaged);
        yield return Events("social_engagements", "social_engaged events", EventType.SocialEngaged);
        yield return Events("content_uses", "content_used events", EventType.ContentUsed);
        yield return Events("ad_impressions", "ad_impression events", EventType.AdImpression);
        yield return Events("ad_clicks", "ad_click events", EventType.AdClick);
        yield return Events(
            "reach",
            "views + opens + listens + impressions of content: page_view, email_open, video_engaged and ad_impression events",
            EventType.PageView, EventType.EmailOpen, EventType.VideoEngaged, EventType.AdImpression);
        yield return new EventMeasure(
            "soft_conversions",
            options.SoftConversionTypes,
            $"events of the soft-conversion types ({string.Join(", ", options.SoftConversionTypes.Select(SnakeCaseNames<EventType>.Name))})");
        yield return new DistinctActorsMeasure("visitors", [EventType.SessionStart], "distinct visitors (contact id, else anonymous id) with a session start; exact");
        yield return new DistinctActorsMeasure("unique_opens", [EventType.EmailOpen], "distinct contacts (else anonymous ids) that opened an email; exact");
    }

    private static IEnumerable<Measure> ContactMeasures()
    {
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var name = StagePlural(stage);
            yield return new LifecycleMeasure(
                name,
                (ContactMoment)stage,
                $"contacts entering {SnakeCaseNames<Stage>.Name(stage)} in the period (a skipped stage counts as entered with the next one)");
        }

        yield return new LifecycleMeasure("new_contacts", ContactMoment.FirstKnown, "contacts first known (created) in the period");
        yield return new LifecycleMeasure(
            "icp_leads", ContactMoment.Lead, "leads that fit the ideal customer profile (icp_fit true)", c => c.IcpFit == true);
        yield return new LifecycleMeasure(
            "referrals",
            ContactMoment.Lead,
            "new leads whose source, medium or channel is customer_referral",
            IsCustomerReferral);
    }

    /// <summary>The measure name of contacts entering a stage: leads, iqls, mqls, ... customers, churned.</summary>
    public static string StagePlural(Stage stage) => stage switch
    {
        Stage.Opportunity => "opportunities",
        Stage.Churned => "churned",
        _ => SnakeCaseNames<Stage>.Name(stage) + "s",
    };

    private static bool IsCustomerReferral(ContactDims contact) =>
        string.Equals(contact.Source, "customer_referral", StringComparison.OrdinalIgnoreCase)
        || string.Equals(contact.Medium, "customer_referral", StringComparison.OrdinalIgnoreCase)
        || string.Equals(contact.Channel, "customer_referral", StringComparison.OrdinalIgnoreCase);
}
