using System.Globalization;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>
/// How values are represented in the file: timestamps as INTEGER unix microseconds (UTC; the
/// part below a microsecond is dropped), dates as TEXT <c>yyyy-MM-dd</c>, decimals as TEXT in
/// invariant culture with trailing zeros removed (exact), booleans as INTEGER 0/1.
/// </summary>
internal static class StoreValues
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static long ToMicros(DateTimeOffset value) =>
        Math.DivRem(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, TicksPerMicrosecond) switch
        {
            (var q, < 0) => q - 1,
            (var q, _) => q,
        };

    public static DateTimeOffset FromMicros(long micros) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * TicksPerMicrosecond), TimeSpan.Zero);

    public static string ToText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DateFromText(ReadOnlySpan<char> text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Drops trailing zeros so that 1.5 and 1.50 store alike (they are equal decimals).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
