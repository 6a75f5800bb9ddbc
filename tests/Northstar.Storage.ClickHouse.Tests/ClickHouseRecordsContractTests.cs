using Northstar.Core.Storage;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>The Records contract against a fresh database on a real ClickHouse server.</summary>
public sealed class ClickHouseRecordsContractTests : RecordsContract
{
    private readonly TestDatabase _database = TestDatabase.Single();

    protected override INorthstarStore CreateStore() => _database.Open();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
