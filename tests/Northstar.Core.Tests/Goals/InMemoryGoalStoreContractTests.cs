using Northstar.Core.Storage;
using Northstar.Testing;
using Northstar.Testing.Contracts;

namespace Northstar.Core.Tests.Goals;

/// <summary>The goal store contract against <see cref="InMemoryFactStore"/>, which the goal tests use.</summary>
public sealed class InMemoryGoalStoreContractTests : GoalStoreContract
{
    protected override IFactStore CreateStore() => new InMemoryFactStore();
}
