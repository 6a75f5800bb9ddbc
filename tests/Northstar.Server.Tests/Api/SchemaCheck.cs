using System.Text.Json;

namespace Northstar.Server.Tests.Api;

/// <summary>
/// Walks a real JSON answer beside an OpenAPI 3.1 schema and lists where they disagree: a property
/// the schema does not have, an object whose schema describes nothing, a string where the schema
/// says number (or the reverse), an enum value the schema does not list.
/// </summary>
internal sealed class SchemaCheck(JsonElement document)
{
    public List<string> Check(JsonElement value, JsonElement schema)
    {
        var faults = new List<string>();
        Walk(value, schema, "$", faults);
        return faults;
    }

    private void Walk(JsonElement value, JsonElement schema, string at, List<string> faults)
    {
        schema = Pick(Resolve(schema), value.ValueKind);
        var types = Types(schema);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = schema.TryGetProperty("properties", out var p) ? p : default;
                var extra = schema.TryGetProperty("additionalProperties", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
                if (properties.ValueKind != JsonValueKind.Object && extra.ValueKind != JsonValueKind.Object)
                {
                    faults.Add($"{at}: an object, but the schema describes no properties ({schema})");
                    return;
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var inner))
                    {
                        Walk(property.Value, inner, $"{at}.{property.Name}", faults);
                    }
                    else if (extra.ValueKind == JsonValueKind.Object)
                    {
                        Walk(property.Value, extra, $"{at}.{property.Name}", faults);
                    }
                    else
                    {
                        faults.Add($"{at}.{property.Name}: sent, not in the schema (it has: {string.Join(", ", properties.EnumerateObject().Select(x => x.Name))})");
                    }
                }

                break;
            case JsonValueKind.Array:
                if (!schema.TryGetProperty("items", out var items))
                {
                    faults.Add($"{at}: an array, but the schema has no items ({schema})");
                    return;
                }

                foreach (var (item, i) in value.EnumerateArray().Select((x, i) => (x, i)))
                {
                    Walk(item, items, $"{at}[{i}]", faults);
                }

                break;
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (schema.TryGetProperty("enum", out var names) && !names.EnumerateArray().Any(n => n.ValueKind == JsonValueKind.String && n.GetString() == text))
                {
                    faults.Add($"{at}: '{text}' sent, not one of the schema's enum ({names})");
                }
                else if (types.Count > 0 && !types.Contains("string") && !(text is "NaN" or "Infinity" or "-Infinity" && types.Contains("number")))
                {
                    faults.Add($"{at}: a string '{text}' sent, the schema says {string.Join("|", types)}");
                }

                break;
            case JsonValueKind.Number:
                if (types.Count > 0 && !types.Contains("number") && !types.Contains("integer"))
                {
                    faults.Add($"{at}: a number sent, the schema says {string.Join("|", types)}");
                }

                break;
        }
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    /// <summary>Of oneOf/anyOf alternatives, the one for this kind of value (null alternatives skipped).</summary>
    private JsonElement Pick(JsonElement schema, JsonValueKind kind)
    {
        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(combinator, out var options))
            {
                var resolved = options.EnumerateArray().Select(Resolve).Where(o => !Types(o).SequenceEqual(["null"])).ToList();
                return resolved.FirstOrDefault(o => Fits(o, kind), resolved.FirstOrDefault());
            }
        }

        return schema;
    }

    private static bool Fits(JsonElement schema, JsonValueKind kind)
    {
        var types = Types(schema);
        return types.Count == 0 || kind switch
        {
            JsonValueKind.Object => types.Contains("object"),
            JsonValueKind.Array => types.Contains("array"),
            JsonValueKind.String => types.Contains("string"),
            JsonValueKind.Number => types.Contains("number") || types.Contains("integer"),
            _ => true,
        };
    }

    private static List<string> Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : [.. type.EnumerateArray().Select(t => t.GetString()!)];
}
