using Northstar.Core.Facts;

namespace Northstar.Core.Import;

/// <summary>Names of <see cref="ImportFormat"/> as users type them, and the kinds each one produces.</summary>
public static class ImportFormats
{
    /// <summary>Every format's word, e.g. <c>events</c>, <c>hubspot-contacts</c>, <c>ad-costs</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ImportFormat>().Select(Name)];

    /// <summary>The word for a format: the snake_case name with dashes (<c>hubspot-contacts</c>).</summary>
    public static string Name(ImportFormat format) => SnakeCaseNames<ImportFormat>.Name(format).Replace('_', '-');

    /// <summary>
    /// Parses a word, case-insensitively, with dashes, underscores and spaces alike; a kind's
    /// singular also works (<c>event</c>, <c>deal</c>, <c>activity</c>).
    /// </summary>
    public static bool TryParse(string? word, out ImportFormat format)
    {
        format = default;
        if (string.IsNullOrWhiteSpace(word))
        {
            return false;
        }

        var normalized = CanonicalLayout.NormalizeHeader(word);
        if (SnakeCaseNames<ImportFormat>.TryParse(normalized, out format))
        {
            return true;
        }

        var plural = normalized.EndsWith('y') ? normalized[..^1] + "ies" : normalized + "s";
        return SnakeCaseNames<ImportFormat>.TryParse(plural, out format);
    }

    /// <summary>The fact kind of a canonical format, or null for a preset.</summary>
    public static FactKind? KindOf(ImportFormat format) =>
        format is ImportFormat.HubspotContacts or ImportFormat.AdCosts ? null : (FactKind)(int)format;

    /// <summary>The canonical format of a fact kind.</summary>
    public static ImportFormat Of(FactKind kind) => (ImportFormat)(int)kind;

    /// <summary>The kinds of fact a format writes.</summary>
    public static IReadOnlyList<FactKind> KindsWritten(ImportFormat format) => format switch
    {
        ImportFormat.HubspotContacts => [FactKind.Contacts, FactKind.Stages],
        ImportFormat.AdCosts => [FactKind.Spend],
        _ => [(FactKind)(int)format],
    };
}
