namespace Northstar.Storage.Sqlite.Views;

/// <summary>An event as a first: its time (unix microseconds), its id and its dimension tuple (an index into the session's <see cref="ViewDelta"/>).</summary>
internal readonly record struct FirstCandidate(long Micros, string EventId, int Dims)
{
    /// <summary>True when this event comes before <paramref name="other"/> (<see cref="Core.Metrics.Views.Touchpoints.Earlier"/>).</summary>
    public bool Before(FirstCandidate? other) =>
        other is not { } o || Micros < o.Micros || (Micros == o.Micros && Core.Metrics.Views.Touchpoints.Earlier(
            Sql.StoreValues.FromMicros(Micros), EventId, Sql.StoreValues.FromMicros(o.Micros), o.EventId));
}
