using Northstar.Core.Storage;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>The AccountStore contract against a fresh database on the test PostgreSQL server.</summary>
public sealed class PostgresAccountStoreContractTests : AccountStoreContract
{
    private readonly TestDatabase _database = new();

    protected override INorthstarStore CreateStore() => _database.OpenStore();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
