using Northstar.Core.Storage;
using Northstar.Testing;
using Northstar.Testing.Contracts;

namespace Northstar.Core.Tests.Metrics.Views;

/// <summary>
/// The KPI tests read views from <see cref="InMemoryFactStore"/>: its views (the stage rollup and
/// counts among them) must keep the same contract, and equal the hand-worked numbers, as SQLite's.
/// </summary>
public sealed class InMemoryDerivedViewsContractTests : DerivedViewsContract
{
    protected override IFactStore CreateStore() => new InMemoryFactStore();
}
