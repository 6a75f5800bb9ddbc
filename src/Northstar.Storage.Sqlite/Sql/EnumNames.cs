using System.Runtime.CompilerServices;
using System.Text;
using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>Enums are stored by their snake_case name (<see cref="SnakeCaseNames{TEnum}"/>), encoded once.</summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly byte[][] Encoded = [.. Values.Select(v => Encoding.UTF8.GetBytes(SnakeCaseNames<TEnum>.Name(v)))];

    // Every enum of the fact model numbers its values 0..n-1; index by number when that holds.
    private static readonly bool Dense = Unsafe.SizeOf<TEnum>() == sizeof(int) &&
        Values.Select((v, i) => Unsafe.As<TEnum, int>(ref v) == i).All(x => x);

    public static byte[] Utf8(TEnum value) =>
        Encoded[Dense ? Unsafe.As<TEnum, int>(ref value) : Array.IndexOf(Values, value)];

    public static TEnum Parse(string text) =>
        SnakeCaseNames<TEnum>.TryParse(text, out var value)
            ? value
            : throw new InvalidDataException($"'{text}' is not a known {typeof(TEnum).Name} in the database.");
}
