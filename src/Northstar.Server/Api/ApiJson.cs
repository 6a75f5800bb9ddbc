using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Northstar.Server.Api;

/// <summary>
/// The JSON of the API's answers: what the CLI's <c>--format json</c> prints (snake_case names,
/// enums by snake_case name), not indented; a rate with nothing to divide by is <c>"NaN"</c>.
/// </summary>
public static class ApiJson
{
    /// <summary>The serializer options of every /api/workspaces answer.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>200 with <paramref name="value"/> in the API's JSON.</summary>
    public static JsonHttpResult<T> Ok<T>(T value) => TypedResults.Json(value, Options);
}
