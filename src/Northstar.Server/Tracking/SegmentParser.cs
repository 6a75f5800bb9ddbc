using System.Security.Cryptography;
using System.Text.Json;
using Northstar.Core.Facts;

namespace Northstar.Server.Tracking;

/// <summary>
/// Reads a tracking request body (one call, or <c>{"batch": [...]}</c>) into checked
/// <see cref="SegmentMessage"/>s. A bad event is listed with its reason and never costs its
/// neighbours; only a body that is not JSON, or a batch that is too long, fails as a whole.
/// </summary>
internal sealed class SegmentParser(TrackingOptions options)
{
    /// <summary>
    /// Checks a body sent to the route of <paramref name="call"/> (null: <c>/v1/batch</c>) on the
    /// request thread: the write key, the errors and the counts, no messages (the merge builds them
    /// from the journaled body with <see cref="Parse"/>).
    /// </summary>
    public ParseResult Check(byte[] body, SegmentCall? call, DateTimeOffset receivedAt) => Read(body, call, receivedAt, build: false);

    /// <summary>As <see cref="Check"/>, with the accepted calls' messages.</summary>
    public ParseResult Parse(byte[] body, SegmentCall? call, DateTimeOffset receivedAt) => Read(body, call, receivedAt, build: true);

    private ParseResult Read(byte[] body, SegmentCall? call, DateTimeOffset receivedAt, bool build)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return ParseResult.Fail($"The body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParseResult.Fail("The body must be a JSON object.");
            }

            var writeKey = Text(root, "writeKey");
            var sentAt = Text(root, "sentAt");
            var result = new ParseResult { WriteKey = writeKey };
            if (call is { } single)
            {
                Add(result, root, 0, single, sentAt, receivedAt, build);
                return result;
            }

            if (!root.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
            {
                return ParseResult.Fail("A batch body needs a \"batch\" array.") with { WriteKey = writeKey };
            }

            if (batch.GetArrayLength() > options.MaxBatchEvents)
            {
                return ParseResult.Fail($"The batch has {batch.GetArrayLength()} events; at most {options.MaxBatchEvents} are allowed per request.") with { WriteKey = writeKey };
            }

            var index = 0;
            foreach (var element in batch.EnumerateArray())
            {
                Add(result, element, index++, null, sentAt, receivedAt, build);
            }

            return result;
        }
    }

    private void Add(ParseResult result, JsonElement element, int index, SegmentCall? route, string? batchSentAt, DateTimeOffset receivedAt, bool build)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            result.Errors.Add(new TrackingError(index, null, "not a JSON object"));
            return;
        }

        var messageId = Text(element, "messageId");
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        if (route is null && raw.Length > options.MaxEventBytes)
        {
            result.Errors.Add(new TrackingError(index, messageId, $"the event is {raw.Length} bytes; at most {options.MaxEventBytes} are allowed"));
            return;
        }

        var (call, reason) = Identify(element, route);
        if (reason is not null)
        {
            result.Errors.Add(new TrackingError(index, messageId, reason));
            return;
        }

        var present = element.TryGetProperty("timestamp", out var ts) && ts.ValueKind != JsonValueKind.Null;
        var (time, flag) = ClockSkew.Correct(
            present && ts.ValueKind == JsonValueKind.String ? ts.GetString() : null, present,
            Text(element, "sentAt") ?? batchSentAt, receivedAt, options.FutureTolerance);
        switch (flag)
        {
            case ClockSkew.Future: result.FutureTimestamps++; break;
            case ClockSkew.Invalid: result.InvalidTimestamps++; break;
            default: break;
        }

        result.Accepted++;
        if (build)
        {
            result.Messages.Add(Build(element, call, messageId ?? DerivedId(raw), time, flag));
        }
    }

    /// <summary>The call's ids and its event name or other id, or why the event is refused.</summary>
    private static (CallIds Call, string? Reason) Identify(JsonElement e, SegmentCall? route)
    {
        var typeText = Text(e, "type");
        SegmentCall call;
        if (route is { } r)
        {
            call = r;
        }
        else if (typeText is null || !Enum.TryParse(typeText, ignoreCase: true, out call) || !Enum.IsDefined(call) || char.IsDigit(typeText[0]))
        {
            return (default, typeText is null ? "the event has no type" : $"unknown type '{typeText}'");
        }

        var userId = Text(e, "userId");
        var anonymousId = Text(e, "anonymousId");
        var (name, other) = call switch
        {
            SegmentCall.Track => (Text(e, "event"), null),
            SegmentCall.Group => (null, Text(e, "groupId")),
            SegmentCall.Alias => (null, Text(e, "previousId")),
            _ => (Text(e, "name"), (string?)null),
        };
        var reason = userId is null && anonymousId is null ? "the event has neither userId nor anonymousId" : call switch
        {
            SegmentCall.Track when name is null => "a track call needs an event name (\"event\")",
            SegmentCall.Group when other is null => "a group call needs a groupId",
            SegmentCall.Alias when other is null || userId is null => "an alias call needs userId and previousId",
            _ => null,
        };
        return (new CallIds(call, userId, anonymousId, name, other), reason);
    }

    /// <summary>The message of a checked call: its properties or traits, page and campaign context.</summary>
    private static SegmentMessage Build(JsonElement e, CallIds call, string messageId, DateTimeOffset time, string? clockFlag)
    {
        var bag = Flatten(e, call.Call is SegmentCall.Identify or SegmentCall.Group ? "traits" : "properties", clockFlag);
        e.TryGetProperty("context", out var context);
        var page = context.ValueKind == JsonValueKind.Object && context.TryGetProperty("page", out var p) ? p : default;
        var url = bag.Get("url") ?? Text(page, "url");
        return new SegmentMessage
        {
            Call = call.Call,
            MessageId = messageId,
            Timestamp = time,
            UserId = call.UserId,
            AnonymousId = call.AnonymousId,
            Name = call.Name,
            OtherId = call.OtherId,
            Url = url,
            Path = bag.Get("path") ?? Text(page, "path") ?? PageUrl.PathOf(url),
            Referrer = bag.Get("referrer") ?? Text(page, "referrer"),
            Campaign = Campaign(context, url),
            Properties = bag,
        };
    }

    private static CampaignTags Campaign(JsonElement context, string? url)
    {
        if (context.ValueKind == JsonValueKind.Object && context.TryGetProperty("campaign", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            var tags = new CampaignTags(Text(c, "source"), Text(c, "medium"), Text(c, "name"), Text(c, "term"), Text(c, "content"));
            if (!tags.IsEmpty)
            {
                return tags;
            }
        }

        return PageUrl.CampaignOf(url);
    }

    private static PropertyBag Flatten(JsonElement e, string member, string? clockFlag)
    {
        var items = new List<KeyValuePair<string, string>>();
        if (e.TryGetProperty(member, out var bag) && bag.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in bag.EnumerateObject())
            {
                if (ValueText(property.Value) is { } value)
                {
                    items.Add(KeyValuePair.Create(property.Name, value));
                }
            }
        }

        if (clockFlag is not null)
        {
            items.Add(KeyValuePair.Create("clock", clockFlag));
        }

        return items.Count == 0 ? PropertyBag.Empty : PropertyBag.From(items);
    }

    /// <summary>A string member's value, a number's text; null when absent, null or empty.</summary>
    private static string? Text(JsonElement e, string member)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(member, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>
    /// The id of an event sent without messageId: a hash of its JSON as sent, so that a retry of
    /// the same bytes is stored once (and two byte-identical events without id or timestamp are one).
    /// </summary>
    private static string DerivedId(ReadOnlySpan<byte> raw) => "ns-" + Convert.ToHexStringLower(SHA256.HashData(raw)[..16]);
}

/// <summary>A rejected event of a request: its position, its messageId if it had one, and why.</summary>
internal sealed record TrackingError(int Index, string? MessageId, string Reason);

/// <summary>A call's type and ids as read, before its message is built.</summary>
internal readonly record struct CallIds(SegmentCall Call, string? UserId, string? AnonymousId, string? Name, string? OtherId);

/// <summary>
/// What <see cref="SegmentParser"/> read: how many calls are accepted (and their messages when
/// parsed, not only checked) and the per-event errors, or a whole-body failure.
/// </summary>
internal sealed record ParseResult
{
    public string? WriteKey { get; init; }
    public string? Failure { get; init; }
    public int Accepted { get; set; }
    public List<SegmentMessage> Messages { get; } = [];
    public List<TrackingError> Errors { get; } = [];
    public int FutureTimestamps { get; set; }
    public int InvalidTimestamps { get; set; }

    public static ParseResult Fail(string reason) => new() { Failure = reason };
}
