using System.Runtime.CompilerServices;
using System.Text.Json;
using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>A <see cref="PropertyBag"/> is stored as a JSON object of strings (NULL when empty), queryable with SQLite's json functions.</summary>
internal static class PropertyJson
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? Write(PropertyBag bag)
    {
        if (bag.Count == 0)
        {
            return null;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in bag)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static PropertyBag Read(string? json)
    {
        if (json is null)
        {
            return PropertyBag.Empty;
        }

        using var doc = JsonDocument.Parse(json);
        return PropertyBag.From(doc.RootElement.EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? "")));
    }
}
