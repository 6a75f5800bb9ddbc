using Northstar.Core.Storage;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>The Journey contract against a fresh database on the test PostgreSQL server.</summary>
public sealed class PostgresJourneyContractTests : JourneyContract
{
    private readonly TestDatabase _database = new();

    protected override IFactStore CreateStore() => _database.OpenStore();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
