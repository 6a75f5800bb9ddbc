using System.Text.Json.Nodes;

namespace Northstar.Server.Tests.Tracking;

/// <summary>Segment calls as JSON, the way clients send them.</summary>
internal static class Calls
{
    public static JsonObject Track(string messageId, string name = "Signed Up", string? anonymousId = "anon-1", string? userId = null, string? timestamp = "2026-03-02T11:00:00Z")
    {
        var call = Base("track", messageId, anonymousId, userId, timestamp);
        call["event"] = name;
        return call;
    }

    public static JsonObject Page(string messageId, string url, string? referrer = null, string anonymousId = "anon-1", string timestamp = "2026-03-02T11:00:00Z")
    {
        var call = Base("page", messageId, anonymousId, null, timestamp);
        var page = new JsonObject { ["url"] = url, ["path"] = new Uri(url).AbsolutePath };
        if (referrer is not null)
        {
            page["referrer"] = referrer;
        }

        call["context"] = new JsonObject { ["page"] = page };
        return call;
    }

    public static JsonObject Base(string type, string? messageId, string? anonymousId, string? userId, string? timestamp)
    {
        var call = new JsonObject { ["type"] = type };
        if (messageId is not null)
        {
            call["messageId"] = messageId;
        }

        if (anonymousId is not null)
        {
            call["anonymousId"] = anonymousId;
        }

        if (userId is not null)
        {
            call["userId"] = userId;
        }

        if (timestamp is not null)
        {
            call["timestamp"] = timestamp;
        }

        return call;
    }

    public static string Batch(params JsonNode[] calls) => new JsonObject { ["batch"] = new JsonArray(calls) }.ToJsonString();

    public static string Batch(string sentAt, params JsonNode[] calls) =>
        new JsonObject { ["batch"] = new JsonArray(calls), ["sentAt"] = sentAt }.ToJsonString();
}
