using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>Enums are stored by their snake_case name (<see cref="SnakeCaseNames{TEnum}"/>).</summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static TEnum Parse(string text) =>
        SnakeCaseNames<TEnum>.TryParse(text, out var value)
            ? value
            : throw new InvalidDataException($"'{text}' is not a known {typeof(TEnum).Name} in the database.");
}
