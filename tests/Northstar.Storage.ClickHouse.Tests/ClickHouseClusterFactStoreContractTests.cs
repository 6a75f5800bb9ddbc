using Northstar.Core.Storage;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>The FactStore contract against a fresh database on a real two-shard ClickHouse cluster (rows spread by key hash, reads through Distributed tables).</summary>
public sealed class ClickHouseClusterFactStoreContractTests : FactStoreContract
{
    private readonly TestDatabase _database = TestDatabase.Cluster();

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
