using System.Globalization;
using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Core.Tracking;
using Northstar.Core.Workspaces;

namespace Northstar.Server.Tracking;

/// <summary>
/// Turns one workspace's tracking calls into facts (the merge thread's own state: open
/// sessions, known contacts and accounts, the channel grouping and the track-name mapping).
/// page/screen: a page_view, and a session_start first when a session begins (UTM tags and
/// referrer as source, medium, campaign; the channel by the workspace's grouping, as import
/// derives it). track: the mapped type. identify/alias: an <see cref="EventType.Identify"/> event
/// carrying both ids; identify also creates the contact when unknown. group: the account when
/// unknown, and the contact's account when it has none. A page's session start has the id
/// <c>messageId + ":session"</c>, so both facts dedup on a retry.
/// </summary>
internal sealed class WorkspaceIngest(IFactStore store, ICustomKpiStore settings, Workspace workspace, TrackingOptions options)
{
    private readonly SessionTracker _sessions = new(options.SessionTimeout);
    private Dictionary<string, Contact>? _contacts;
    private HashSet<string>? _accounts;
    private ChannelGrouping _grouping = ChannelGrouping.Default;
    private TrackEventMap _events = TrackEventMap.Default;
    private long _versionSeen = long.MinValue;

    public Workspace Workspace { get; } = workspace;

    /// <summary>Reads what mapping needs from the store: settings, rules, and the contacts and accounts when a call names one not yet known.</summary>
    public void Prepare(IEnumerable<SegmentMessage> messages)
    {
        var setting = settings.GetSetting(Workspace, TrackEventNames.SettingKey);
        if (setting != _events.Setting)
        {
            _events = new TrackEventMap(setting);
        }

        var rules = store.GetChannelRules(Workspace);
        if (!rules.SequenceEqual(_grouping.Rules))
        {
            _grouping = new ChannelGrouping(rules);
        }

        // Another writer (an import) changed the workspace since our last commit: the known
        // contacts and accounts may be stale, read them again when needed.
        if (store.DataVersion(Workspace) != _versionSeen)
        {
            _contacts = null;
            _accounts = null;
        }

        var needContacts = false;
        var needAccounts = false;
        foreach (var m in messages)
        {
            needContacts |= m.Call is SegmentCall.Identify or SegmentCall.Group && m.UserId is not null;
            needAccounts |= m.Call is SegmentCall.Group;
        }

        if (needContacts && _contacts is null)
        {
            _contacts = store.Read<Contact>(Workspace).ToDictionary(c => c.ContactId, StringComparer.Ordinal);
        }

        if (needAccounts && _accounts is null)
        {
            _accounts = store.Read<Account>(Workspace).Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// After our commit: the store's version now, so the next <see cref="Prepare"/> knows whether
    /// someone else wrote since. (A commit of another writer in the instant between ours and this
    /// read would go unnoticed until the next change; the window is one query long.)
    /// </summary>
    public void Committed() => _versionSeen = store.DataVersion(Workspace);

    /// <summary>Maps the calls (after <see cref="Prepare"/>) into <paramref name="facts"/>.</summary>
    public void Map(IEnumerable<SegmentMessage> messages, MappedFacts facts)
    {
        foreach (var m in messages)
        {
            switch (m.Call)
            {
                case SegmentCall.Page or SegmentCall.Screen: Page(m, facts); break;
                case SegmentCall.Track: facts.Events.Add(Track(m)); break;
                case SegmentCall.Identify: Identify(m, facts); break;
                case SegmentCall.Alias: facts.Events.Add(Link(m, m.OtherId, m.UserId)); break;
                case SegmentCall.Group: Group(m, facts); break;
                default: throw new InvalidOperationException("unknown call " + m.Call);
            }
        }
    }

    private void Page(SegmentMessage m, MappedFacts facts)
    {
        var page = m.Path ?? m.Name;
        var referrerHost = PageUrl.HostOf(m.Referrer);
        var external = referrerHost is not null && referrerHost != PageUrl.HostOf(m.Url) ? m.Referrer : null;
        var tags = m.Campaign;
        var source = tags.IsEmpty ? (external is null ? null : "ref:" + referrerHost) : $"utm:{tags.Source}|{tags.Medium}|{tags.Name}";
        var startId = m.MessageId + ":session";
        var (sessionId, starts) = _sessions.Visit(m.AnonymousId ?? m.UserId!, m.Timestamp, source, startId);
        if (starts)
        {
            facts.Events.Add(new EventFact
            {
                Id = startId,
                Timestamp = m.Timestamp,
                Type = EventType.SessionStart,
                AnonymousId = m.AnonymousId,
                ContactId = m.UserId,
                SessionId = sessionId,
                Source = tags.Source,
                Medium = tags.Medium,
                Campaign = tags.Name,
                Channel = _grouping.Classify(tags.Source, tags.Medium, tags.Name, external),
                LandingPage = page,
                Page = page,
                Referrer = m.Referrer,
            });
        }

        facts.Events.Add(new EventFact
        {
            Id = m.MessageId,
            Timestamp = m.Timestamp,
            Type = EventType.PageView,
            AnonymousId = m.AnonymousId,
            ContactId = m.UserId,
            SessionId = sessionId,
            Page = page,
            Referrer = m.Referrer,
            Properties = m.Properties,
        });
    }

    private EventFact Track(SegmentMessage m)
    {
        var type = _events.TypeOf(m.Name!);
        var p = m.Properties;
        var properties = type == EventType.Custom ? PropertyBag.From(p.Append(KeyValuePair.Create("event", m.Name!))) : p;
        return new EventFact
        {
            Id = m.MessageId,
            Timestamp = m.Timestamp,
            Type = type,
            AnonymousId = m.AnonymousId,
            ContactId = m.UserId,
            Page = m.Path,
            Cta = p.Get("cta") ?? p.Get("cta_id"),
            Form = p.Get("form") ?? p.Get("form_id"),
            Field = p.Get("field"),
            Variant = p.Get("variant"),
            Asset = p.Get("asset"),
            Value = Money(p.Get("value") ?? p.Get("revenue")),
            Properties = properties,
        };
    }

    private void Identify(SegmentMessage m, MappedFacts facts)
    {
        facts.Events.Add(Link(m, m.AnonymousId, m.UserId));
        if (m.UserId is { } id && _contacts is { } known && !known.ContainsKey(id))
        {
            var contact = new Contact { ContactId = id, CreatedAt = m.Timestamp, Properties = m.Properties };
            known[id] = contact;
            facts.Contacts.Add(contact);
        }
    }

    private static EventFact Link(SegmentMessage m, string? anonymousId, string? contactId) => new()
    {
        Id = m.MessageId,
        Timestamp = m.Timestamp,
        Type = EventType.Identify,
        AnonymousId = anonymousId,
        ContactId = contactId,
        Properties = m.Properties,
    };

    private void Group(SegmentMessage m, MappedFacts facts)
    {
        var accountId = m.OtherId!;
        if (_accounts is { } accounts && accounts.Add(accountId))
        {
            var p = m.Properties;
            facts.Accounts.Add(new Account
            {
                AccountId = accountId, Name = p.Get("name"), Industry = p.Get("industry"), Segment = p.Get("segment"),
                CreatedAt = m.Timestamp, Properties = p,
            });
        }

        if (m.UserId is { } id && _contacts is { } known)
        {
            if (!known.TryGetValue(id, out var contact))
            {
                contact = new Contact { ContactId = id, CreatedAt = m.Timestamp, AccountId = accountId };
            }
            else if (contact.AccountId is null)
            {
                contact = contact with { AccountId = accountId };
            }
            else
            {
                return;
            }

            known[id] = contact;
            facts.Contacts.Add(contact);
        }
    }

    private static decimal? Money(string? text) =>
        decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value : null;
}
