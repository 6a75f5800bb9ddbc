using System.Collections.Frozen;
using System.Text;

namespace Northstar.Core.Facts;

/// <summary>
/// The snake_case names under which enum values appear in files, the API and storage
/// (<c>EventType.SessionStart</c> is <c>session_start</c>). Parsing ignores case.
/// </summary>
public static class SnakeCaseNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = [.. Values.Select(v => ToSnakeCase(v.ToString()))];
    private static readonly FrozenDictionary<string, TEnum> ByName =
        Values.Select((v, i) => KeyValuePair.Create(Names[i], v)).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The snake_case name of a value.</summary>
    public static string Name(TEnum value) => Names[Array.IndexOf(Values, value)];

    /// <summary>Parses a name, case-insensitively; false for anything else (numbers included).</summary>
    public static bool TryParse(string text, out TEnum value) => ByName.TryGetValue(text.Trim(), out value);

    private static string ToSnakeCase(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(pascal[i]));
        }

        return sb.ToString();
    }
}
