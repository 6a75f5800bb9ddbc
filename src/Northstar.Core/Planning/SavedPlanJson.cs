using System.Text.Json;
using System.Text.Json.Serialization;

namespace Northstar.Core.Planning;

/// <summary>A <see cref="SavedPlan"/> as the JSON kept in the workspace settings (snake_case, exact numbers).</summary>
public static class SavedPlanJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The JSON of <paramref name="plan"/>; doubles and decimals round-trip exactly.</summary>
    public static string Write(SavedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.Serialize(plan, Options);
    }

    /// <summary>The plan in <paramref name="json"/>, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static SavedPlan? Read(string json, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var plan = JsonSerializer.Deserialize<SavedPlan>(json, Options);
            error = plan is null ? "the saved plan is empty (null)" : null;
            return plan;
        }
        catch (JsonException e)
        {
            error = "the saved plan is not a plan: " + e.Message;
            return null;
        }
    }
}
