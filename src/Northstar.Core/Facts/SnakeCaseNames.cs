using System.Collections.Frozen;
using System.Runtime.CompilerServices;
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
    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    // The fact model's enums number their values 0..n-1: then a value is its own index.
    private static readonly bool Dense = Unsafe.SizeOf<TEnum>() == sizeof(int) &&
        Values.Select((v, i) => Unsafe.As<TEnum, int>(ref v) == i).All(x => x);

    private static readonly FrozenDictionary<string, TEnum> ByName =
        Values.Select((v, i) => KeyValuePair.Create(Names[i], v)).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The snake_case name of a value.</summary>
    public static string Name(TEnum value) => Names[IndexOf(value)];

    /// <summary>The snake_case name of a value as UTF-8, encoded once (for CSV writers and stores).</summary>
    public static ReadOnlySpan<byte> Utf8Name(TEnum value) => Utf8Names[IndexOf(value)];

    /// <summary>Parses a name, case-insensitively; false for anything else (numbers included).</summary>
    public static bool TryParse(string text, out TEnum value) => ByName.TryGetValue(text.Trim(), out value);

    private static int IndexOf(TEnum value) => Dense ? Unsafe.As<TEnum, int>(ref value) : Array.IndexOf(Values, value);

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
