using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Northstar.Server.Api;

/// <summary>
/// The API answers in snake_case (<see cref="ApiJson"/>) while the host's default JSON is
/// camelCase: the schemas of Core's types and the API's own records get their property names in
/// snake_case so the document says what the wire carries (the accounts routes keep camelCase).
/// Their enums are sent as snake_case names (<see cref="ApiJson"/>'s converter), not numbers: an
/// enum's schema is a string listing those names.
/// </summary>
internal sealed class SnakeCaseSchemas : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    // Our enums by the name their component schema gets. The schema pass does not see every
    // enum component (PlanSourceKind under PlanSource stayed an integer): the document pass
    // describes the ones it missed.
    private static readonly Dictionary<string, Type> Enums = new[] { typeof(Core.Facts.EventType).Assembly, typeof(SnakeCaseSchemas).Assembly }
        .SelectMany(a => a.GetTypes())
        .Where(t => t.IsEnum && t.Namespace is { } ns && (ns.StartsWith("Northstar.Core", StringComparison.Ordinal) || ns == typeof(SnakeCaseSchemas).Namespace))
        .GroupBy(t => t.Name, StringComparer.Ordinal)
        .Where(g => g.Count() == 1)
        .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (Enums.TryGetValue(name, out var type) && schema is OpenApiSchema concrete && concrete.Enum is not { Count: > 0 })
            {
                DescribeEnum(concrete, type);
            }
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        var ours = type.Namespace is { } ns && (ns.StartsWith("Northstar.Core", StringComparison.Ordinal) || ns == typeof(SnakeCaseSchemas).Namespace);
        if (ours && (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } enumType)
        {
            DescribeEnum(schema, enumType);
            return Task.CompletedTask;
        }

        if (!ours || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        foreach (var name in properties.Keys.ToList())
        {
            var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
            if (snake != name && properties.Remove(name, out var property))
            {
                properties[snake] = property;
                if (schema.Required?.Remove(name) == true)
                {
                    schema.Required.Add(snake);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void DescribeEnum(OpenApiSchema schema, Type enumType)
    {
        var nullable = schema.Type is { } t && t.HasFlag(JsonSchemaType.Null);
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = null;
        schema.Enum = [.. Enum.GetNames(enumType).Select(name => (JsonNode)JsonValue.Create(JsonNamingPolicy.SnakeCaseLower.ConvertName(name)))];
    }
}
