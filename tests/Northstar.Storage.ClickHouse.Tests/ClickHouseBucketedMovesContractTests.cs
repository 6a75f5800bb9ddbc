using Northstar.Core.Storage;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>
/// The FactStore contract with every commit's moves split into buckets of three staged rows (a
/// large import's moves go in buckets of a million): replacing, keeping and adding facts give the
/// same answers when the keys are compared a bucket at a time.
/// </summary>
public sealed class ClickHouseBucketedMovesContractTests : FactStoreContract
{
    private readonly TestDatabase _database = TestDatabase.Single();

    protected override IFactStore CreateStore()
    {
        var store = _database.Open();
        store.MoveBucketRows = 3;
        return store;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
