using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// What the views need of one event, worked out while the event is still in cache (as the
/// writer encodes it): local day, interned dimension tuple, actor hashes, time at store
/// precision, and the few fields the fold reads, copied so that it never goes back to the fact
/// (facts are visited in key-hash order, so each would be a cache miss).
/// </summary>
internal readonly record struct PreparedEvent(
    string Id,
    string? ContactId,
    string? AnonymousId,
    decimal? Value,
    EventType Type,
    int Day,
    int Dims,
    bool KeepsActor,
    long ContactKey,
    long AnonymousKey,
    long Micros,
    bool Touch,
    bool Form)
{
    /// <summary>The actor whose distinct count the event adds to: the contact when it has one, else the anonymous id (<see cref="Core.Metrics.Views.ActorHash"/>).</summary>
    public long? Actor => !KeepsActor ? null : ContactId is not null ? ContactKey : AnonymousId is not null ? AnonymousKey : null;
}
