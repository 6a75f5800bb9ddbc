using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace Northstar.Core.Import.Csv;

/// <summary>
/// Allocation-free parsers for the cell formats of IMPORT.md, over UTF-8 bytes. Each returns
/// false for text it does not accept; the caller words the error.
/// </summary>
internal static class CellParsers
{
    /// <summary>
    /// ISO 8601: <c>yyyy-MM-dd</c>, optionally followed by <c>T</c> (or a space) and
    /// <c>HH:mm[:ss[.fffffff]]</c>, optionally followed by <c>Z</c> or <c>±HH[:mm]</c>.
    /// Without an offset the time is local to <paramref name="zone"/>. The result is in UTC.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        if (!TryParseDateParts(text, out var date))
        {
            return false;
        }

        var ticks = date.DayNumber * TimeSpan.TicksPerDay;
        var rest = text[10..];
        if (!rest.IsEmpty && rest[0] is (byte)'T' or (byte)'t' or (byte)' ')
        {
            if (!TryParseTime(rest[1..], out var timeTicks, out var used))
            {
                return false;
            }

            ticks += timeTicks;
            rest = rest[(1 + used)..];
        }

        if (!TryParseOffset(rest, out var offset, out var hasOffset))
        {
            return false;
        }

        var local = new DateTime(ticks, DateTimeKind.Unspecified);
        if (!hasOffset)
        {
            offset = zone == TimeZoneInfo.Utc ? TimeSpan.Zero : zone.GetUtcOffset(local);
        }

        var utcTicks = ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    /// <summary>A date, exactly <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly value)
    {
        value = default;
        return text.Length == 10 && TryParseDateParts(text, out value);
    }

    /// <summary>A plain decimal: optional sign, digits, optional '.' and digits; no exponent, no separators.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value) =>
        Utf8Parser.TryParse(text, out value, out var used, 'F') && used == text.Length && text.Length > 0
        && text[^1] != '.' && text[0] != '.';

    /// <summary>True when the text looks like a number written with a grouping or decimal comma.</summary>
    public static bool HasCommaSeparator(ReadOnlySpan<byte> text) =>
        text.Contains((byte)',') && !text.ContainsAnyExcept("0123456789,.-+ "u8);

    /// <summary>Digits grouped by commas in threes, en-US style (<c>1,234,567.89</c>), as ad platforms write them.</summary>
    public static bool TryParseGroupedDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        value = default;
        var dot = text.IndexOf((byte)'.');
        var rest = dot < 0 ? text : text[..dot];
        if (!rest.Contains((byte)','))
        {
            return false;
        }

        Span<byte> plain = stackalloc byte[text.Length];
        var n = 0;
        for (var first = true; ; first = false)
        {
            var comma = rest.IndexOf((byte)',');
            var group = comma < 0 ? rest : rest[..comma];
            if ((first ? group.Length is < 1 or > 3 : group.Length != 3) || group.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                return false;
            }

            group.CopyTo(plain[n..]);
            n += group.Length;
            if (comma < 0)
            {
                break;
            }

            rest = rest[(comma + 1)..];
        }

        var fraction = dot < 0 ? [] : text[dot..];
        fraction.CopyTo(plain[n..]);
        return TryParseDecimal(plain[..(n + fraction.Length)], out value);
    }

    /// <summary>An integer.</summary>
    public static bool TryParseInt(ReadOnlySpan<byte> text, out long value) =>
        Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;

    /// <summary>A floating-point number (plain or with an exponent).</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value) =>
        Utf8Parser.TryParse(text, out value, out var used) && used == text.Length && double.IsFinite(value);

    /// <summary><c>true</c> or <c>false</c>, any case.</summary>
    public static bool TryParseBool(ReadOnlySpan<byte> text, out bool value)
    {
        value = text.Length == 4 && Ascii.EqualsIgnoreCase(text, "true"u8);
        return value || (text.Length == 5 && Ascii.EqualsIgnoreCase(text, "false"u8));
    }

    private static bool TryParseDateParts(ReadOnlySpan<byte> text, out DateOnly value)
    {
        value = default;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month)
            || !TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseTime(ReadOnlySpan<byte> text, out long ticks, out int used)
    {
        ticks = 0;
        used = 0;
        if (text.Length < 5 || text[2] != ':' || !TryDigits(text[..2], out var hour) || !TryDigits(text.Slice(3, 2), out var minute)
            || hour > 23 || minute > 59)
        {
            return false;
        }

        ticks = (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute);
        used = 5;
        if (text.Length >= 8 && text[5] == ':')
        {
            if (!TryDigits(text.Slice(6, 2), out var second) || second > 59)
            {
                return false;
            }

            ticks += second * TimeSpan.TicksPerSecond;
            used = 8;
            if (text.Length > 9 && text[8] is (byte)'.' or (byte)',')
            {
                used = 9;
                var scale = TimeSpan.TicksPerSecond / 10;
                while (used < text.Length && char.IsAsciiDigit((char)text[used]))
                {
                    ticks += (text[used] - '0') * scale;
                    scale /= 10;
                    used++;
                }

                return used > 9;
            }
        }

        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<byte> text, out TimeSpan offset, out bool hasOffset)
    {
        offset = TimeSpan.Zero;
        hasOffset = !text.IsEmpty;
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.Length == 1 && text[0] is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        if (text[0] is not ((byte)'+' or (byte)'-') || text.Length < 3 || !TryDigits(text.Slice(1, 2), out var hours))
        {
            return false;
        }

        var minutes = 0;
        var tail = text[3..];
        var ok = tail.IsEmpty
            || (tail.Length == 3 && tail[0] == ':' && TryDigits(tail[1..], out minutes))
            || (tail.Length == 2 && TryDigits(tail, out minutes));
        if (!ok || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
