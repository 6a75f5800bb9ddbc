using Northstar.Core.Facts;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// What the views need of one event, worked out while the event is still in cache (as the
/// writer encodes it): local day, interned dimension tuple, actor hashes, time at store precision.
/// </summary>
internal readonly record struct PreparedEvent(
    EventFact Fact,
    EventType Type,
    int Day,
    int Dims,
    long? Actor,
    long ContactKey,
    long AnonymousKey,
    long Micros,
    bool Touch,
    bool Form);
