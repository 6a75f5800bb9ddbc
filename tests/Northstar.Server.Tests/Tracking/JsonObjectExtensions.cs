using System.Text.Json.Nodes;

namespace Northstar.Server.Tests.Tracking;

internal static class JsonObjectExtensions
{
    /// <summary>Sets a member and returns the object, for one-line call building.</summary>
    public static JsonObject Also(this JsonObject call, string name, JsonNode? value)
    {
        call[name] = value;
        return call;
    }
}
