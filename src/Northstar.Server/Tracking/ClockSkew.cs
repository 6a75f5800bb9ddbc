using System.Globalization;

namespace Northstar.Server.Tracking;

/// <summary>
/// Segment's clock-skew rule: when the client says when it sent the call (<c>sentAt</c>), the
/// event's time is moved by the difference between the receive time and <c>sentAt</c>, i.e.
/// <c>timestamp + (receivedAt - sentAt)</c>: a client clock that is an hour fast writes
/// timestamps an hour fast and a sentAt an hour fast, and both hours cancel.
/// </summary>
internal static class ClockSkew
{
    /// <summary>The flag of a timestamp more than the tolerance after the receive time (kept as sent).</summary>
    public const string Future = "future";

    /// <summary>The flag of a timestamp that does not parse (replaced by the receive time).</summary>
    public const string Invalid = "invalid";

    /// <summary>The corrected time and its flag (null when fine). A missing timestamp is the receive time, unflagged.</summary>
    public static (DateTimeOffset Time, string? Flag) Correct(
        string? timestamp, bool timestampPresent, string? sentAt, DateTimeOffset receivedAt, TimeSpan futureTolerance)
    {
        if (!timestampPresent)
        {
            return (receivedAt, null);
        }

        if (!TryParse(timestamp, out var time))
        {
            return (receivedAt, Invalid);
        }

        if (TryParse(sentAt, out var sent))
        {
            var corrected = time.UtcTicks + (receivedAt.UtcTicks - sent.UtcTicks);
            if (corrected < DateTimeOffset.MinValue.UtcTicks || corrected > DateTimeOffset.MaxValue.UtcTicks)
            {
                return (receivedAt, Invalid);
            }

            time = new DateTimeOffset(corrected, TimeSpan.Zero);
        }

        return time - receivedAt > futureTolerance ? (time.ToUniversalTime(), Future) : (time.ToUniversalTime(), null);
    }

    /// <summary>ISO 8601 with an offset or Z; without one it is read as UTC.</summary>
    private static bool TryParse(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out time);
}
