using System.Text.Json;

namespace Northstar.Server.Tests.Api;

/// <summary>/openapi/v1.json: every name a schema lists as required is one of its properties (they were left in camelCase while the properties went snake_case).</summary>
public sealed class OpenApiRequiredTests
{
    [Fact]
    public async Task Document_EveryRequiredName_IsAPropertyOfItsSchema()
    {
        await using var world = await ApiWorld.StartAsync();
        using var client = world.Anonymous();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var faults = new List<string>();
        foreach (var schema in document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("required", out var required))
            {
                continue;
            }

            var properties = schema.Value.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToHashSet(StringComparer.Ordinal) : [];
            faults.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !properties.Contains(r)).Select(r => $"{schema.Name}.{r}"));
        }

        Assert.True(faults.Count == 0, string.Join(", ", faults));
        Assert.Contains("matched_by", document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ChannelClassification")
            .GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }
}
