using Northstar.Core.Storage;
using Northstar.Testing;
using Northstar.Testing.Contracts;

namespace Northstar.Core.Tests.Attribution.Journeys;

/// <summary>
/// The journey contract on <see cref="InMemoryFactStore"/>: its hand-worked journeys hold for the
/// reference store itself (its comparisons with the in-memory store are then trivially equal).
/// </summary>
public sealed class InMemoryJourneyContractTests : JourneyContract
{
    protected override IFactStore CreateStore() => new InMemoryFactStore();
}
