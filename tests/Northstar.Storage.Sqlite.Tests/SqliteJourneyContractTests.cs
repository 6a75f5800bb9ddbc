using Northstar.Core.Storage;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>The journey contract (attribution journeys from the store) against a real SQLite file in a temp folder.</summary>
public sealed class SqliteJourneyContractTests : JourneyContract
{
    private readonly TempDirectory _dir = new();

    protected override IFactStore CreateStore() => SqliteFactStore.Open(_dir.File("northstar.db"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _dir.Dispose();
        }
    }
}
