namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The local day of an instant in one time zone (an IANA id, as <see cref="Workspaces.Workspace.TimeZone"/>
/// holds): the day an event counts on in the daily views. UTC takes a shortcut without a zone lookup.
/// </summary>
public sealed class LocalDays
{
    private readonly TimeZoneInfo? _zone;

    public LocalDays(string timeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        _zone = timeZone is "UTC" or "Etc/UTC" ? null : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
    }

    /// <summary>The local date of <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => _zone is null
        ? DateOnly.FromDayNumber((int)(instant.UtcTicks / TimeSpan.TicksPerDay))
        : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);
}
