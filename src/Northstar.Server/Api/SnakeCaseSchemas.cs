using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Northstar.Server.Api;

/// <summary>
/// The API answers in snake_case (<see cref="ApiJson"/>) while the host's default JSON is
/// camelCase: the schemas of Core's types and the API's own records get their property names in
/// snake_case so the document says what the wire carries (the accounts routes keep camelCase).
/// </summary>
internal sealed class SnakeCaseSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        var ours = type.Namespace is { } ns && (ns.StartsWith("Northstar.Core", StringComparison.Ordinal) || ns == typeof(SnakeCaseSchemas).Namespace);
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
            }
        }

        return Task.CompletedTask;
    }
}
