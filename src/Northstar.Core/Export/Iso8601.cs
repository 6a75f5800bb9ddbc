namespace Northstar.Core.Export;

/// <summary>Hand-written UTF-8 ISO 8601 formatting: <c>2025-01-31T09:05:00Z</c>, fraction only when present.</summary>
internal static class Iso8601
{
    /// <summary>Writes the instant in UTC; returns the bytes written (at most 28).</summary>
    public static int WriteUtc(DateTimeOffset value, Span<byte> destination)
    {
        var utc = value.UtcDateTime;
        var n = WriteDate(DateOnly.FromDateTime(utc), destination);
        destination[n++] = (byte)'T';
        n += Two(utc.Hour, destination[n..]);
        destination[n++] = (byte)':';
        n += Two(utc.Minute, destination[n..]);
        destination[n++] = (byte)':';
        n += Two(utc.Second, destination[n..]);
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            destination[n++] = (byte)'.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (var i = digits - 1; i >= 0; i--)
            {
                destination[n + i] = (byte)('0' + (fraction % 10));
                fraction /= 10;
            }

            n += digits;
        }

        destination[n++] = (byte)'Z';
        return n;
    }

    /// <summary>Writes <c>yyyy-MM-dd</c>; returns 10.</summary>
    public static int WriteDate(DateOnly date, Span<byte> destination)
    {
        var year = date.Year;
        destination[0] = (byte)('0' + (year / 1000));
        destination[1] = (byte)('0' + (year / 100 % 10));
        destination[2] = (byte)('0' + (year / 10 % 10));
        destination[3] = (byte)('0' + (year % 10));
        destination[4] = (byte)'-';
        Two(date.Month, destination[5..]);
        destination[7] = (byte)'-';
        Two(date.Day, destination[8..]);
        return 10;
    }

    private static int Two(int value, Span<byte> destination)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
        return 2;
    }
}
