using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Northstar.Core.Channels;

/// <summary>
/// Reading, checking and writing a workspace's channel rules as JSON:
/// <c>[{"channel": "partners", "source": "^partner", "medium": "...", "campaign": "..."}]</c>.
/// Problems come back as <see cref="ChannelRuleError"/>s, never as exceptions.
/// </summary>
public static class ChannelRules
{
    private static readonly string[] Fields = ["channel", "source", "medium", "campaign"];

    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly JsonWriterOptions WriteOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a JSON rules file; every rule is checked as <see cref="Validate(IReadOnlyList{ChannelRule})"/> does.</summary>
    public static ChannelRulesParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException e)
        {
            return Failed(new ChannelRuleError(null, null, SyntaxReason(e), (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Failed(new ChannelRuleError(null, null, "the file must hold a JSON array of rules, e.g. [{\"channel\": \"partners\", \"source\": \"^partner\"}]"));
            }

            var rules = new List<ChannelRule>();
            var errors = new List<ChannelRuleError>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var rule = ReadRule(element, index, errors);
                if (rule is not null)
                {
                    rules.Add(rule);
                    errors.AddRange(Validate(rule, index));
                }

                index++;
            }

            return errors.Count == 0 ? new ChannelRulesParseResult(rules, []) : new ChannelRulesParseResult([], errors);
        }
    }

    /// <summary>Writes rules as an indented JSON array that <see cref="Parse"/> reads back; unset patterns are left out.</summary>
    public static string ToJson(IReadOnlyList<ChannelRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriteOptions))
        {
            writer.WriteStartArray();
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("channel", rule.Channel);
                WriteIfSet(writer, "source", rule.Source);
                WriteIfSet(writer, "medium", rule.Medium);
                WriteIfSet(writer, "campaign", rule.Campaign);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Every problem in a list of rules (empty when all are valid).</summary>
    public static IReadOnlyList<ChannelRuleError> Validate(IReadOnlyList<ChannelRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return [.. rules.SelectMany(Validate)];
    }

    /// <summary>
    /// The problems of one rule: an empty channel, a blank or invalid pattern, or no pattern
    /// at all (a rule that would match every row).
    /// </summary>
    public static IReadOnlyList<ChannelRuleError> Validate(ChannelRule rule, int index)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var errors = new List<ChannelRuleError>();
        if (string.IsNullOrWhiteSpace(rule.Channel))
        {
            errors.Add(new ChannelRuleError(index, "channel", "is empty: name the channel the matching rows get, e.g. \"partners\" or \"paid_social\""));
        }

        CheckPattern(rule.Source, "source", index, errors);
        CheckPattern(rule.Medium, "medium", index, errors);
        CheckPattern(rule.Campaign, "campaign", index, errors);
        if (rule.Source is null && rule.Medium is null && rule.Campaign is null)
        {
            errors.Add(new ChannelRuleError(index, null, "has no pattern: set at least one of source, medium, campaign (a rule without one would match every row)"));
        }

        return errors;
    }

    /// <summary>The id a rule's channel is stored under: trimmed, and a default channel's id in its canonical spelling.</summary>
    internal static string CanonicalChannel(string channel)
    {
        var trimmed = channel.Trim();
        return ChannelCatalog.Find(trimmed)?.Id ?? trimmed;
    }

    private static ChannelRule? ReadRule(JsonElement element, int index, List<ChannelRuleError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ChannelRuleError(index, null, $"must be an object like {{\"channel\": \"...\", \"source\": \"...\"}}, not {Describe(element.ValueKind)}"));
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var before = errors.Count;
        foreach (var property in element.EnumerateObject())
        {
            var field = Array.Find(Fields, f => f.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                errors.Add(new ChannelRuleError(index, property.Name, "unknown field: a rule has channel, source, medium and campaign"));
            }
            else if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                errors.Add(new ChannelRuleError(index, field, $"must be a string, not {Describe(property.Value.ValueKind)}"));
            }
            else if (!values.TryAdd(field, property.Value.GetString()))
            {
                errors.Add(new ChannelRuleError(index, field, "appears twice"));
            }
        }

        if (!values.TryGetValue("channel", out var channel) || channel is null)
        {
            errors.Add(new ChannelRuleError(index, "channel", "is missing: every rule names the channel its rows get"));
        }

        return errors.Count > before
            ? null
            : new ChannelRule(CanonicalChannel(channel!), values.GetValueOrDefault("source"), values.GetValueOrDefault("medium"), values.GetValueOrDefault("campaign"));
    }

    private static void CheckPattern(string? pattern, string field, int index, List<ChannelRuleError> errors)
    {
        if (pattern is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(pattern))
        {
            errors.Add(new ChannelRuleError(index, field, "is blank: leave the field out to match any value"));
            return;
        }

        try
        {
            _ = new Regex(pattern, CompiledChannelRule.Options, CompiledChannelRule.MatchTimeout);
        }
        catch (RegexParseException e)
        {
            errors.Add(new ChannelRuleError(index, field, $"invalid regular expression at offset {e.Offset}: {e.Error}"));
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string SyntaxReason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "invalid JSON: " + (cut > 0 ? message[..cut] : message);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        _ => "an object",
    };

    private static ChannelRulesParseResult Failed(ChannelRuleError error) => new([], [error]);
}
