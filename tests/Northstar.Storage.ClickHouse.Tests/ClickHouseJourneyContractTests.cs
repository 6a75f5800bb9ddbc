using Northstar.Core.Storage;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>The journey contract (attribution journeys from the store) against a fresh database on a real ClickHouse server.</summary>
public sealed class ClickHouseJourneyContractTests : JourneyContract
{
    private readonly TestDatabase _database = TestDatabase.Single();

    protected override IFactStore CreateStore() => _database.Open();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
