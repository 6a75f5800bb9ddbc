using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds an <see cref="EventFact"/>: by default a page view on day 1 at midnight with nothing else set.</summary>
public sealed class EventBuilder(string id = "e1")
{
    private EventFact _fact = new() { Id = id, Timestamp = BuilderTime.Start, Type = EventType.PageView };

    public EventBuilder Type(EventType type) => Set(_fact with { Type = type });

    public EventBuilder SessionStart() => Type(EventType.SessionStart);

    public EventBuilder PageView() => Type(EventType.PageView);

    public EventBuilder FormSubmit() => Type(EventType.FormSubmit);

    public EventBuilder At(int day, int hour = 0, int minute = 0) => At(BuilderTime.At(day, hour, minute));

    public EventBuilder At(DateTimeOffset timestamp) => Set(_fact with { Timestamp = timestamp });

    public EventBuilder Anonymous(string? anonymousId) => Set(_fact with { AnonymousId = anonymousId });

    public EventBuilder Contact(string? contactId) => Set(_fact with { ContactId = contactId });

    public EventBuilder Session(string? sessionId) => Set(_fact with { SessionId = sessionId });

    public EventBuilder Utm(string? source, string? medium = null, string? campaign = null) =>
        Set(_fact with { Source = source, Medium = medium, Campaign = campaign });

    public EventBuilder Channel(string? channel) => Set(_fact with { Channel = channel });

    public EventBuilder LandingPage(string? url) => Set(_fact with { LandingPage = url });

    public EventBuilder Page(string? url) => Set(_fact with { Page = url });

    public EventBuilder Referrer(string? url) => Set(_fact with { Referrer = url });

    public EventBuilder Cta(string? cta) => Set(_fact with { Cta = cta });

    public EventBuilder Form(string? form, string? field = null) => Set(_fact with { Form = form, Field = field });

    public EventBuilder Variant(string? variant) => Set(_fact with { Variant = variant });

    public EventBuilder Asset(string? asset) => Set(_fact with { Asset = asset });

    public EventBuilder Value(decimal? value) => Set(_fact with { Value = value });

    public EventBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    /// <summary>Every field set (for round trips).</summary>
    public EventBuilder Full() => SessionStart().At(day: 3, hour: 9, minute: 30).Anonymous("a1").Contact("c1").Session("s1")
        .Utm("google", "cpc", "spring").Channel("paid_search").LandingPage("/pricing").Page("/pricing?x=1")
        .Referrer("https://www.google.com/").Cta("demo").Form("signup", "email").Variant("b").Asset("ebook-1")
        .Value(12.5m).Property("browser", "firefox").Property("plan", "pro");

    public EventFact Build() => _fact;

    private EventBuilder Set(EventFact fact)
    {
        _fact = fact;
        return this;
    }
}
