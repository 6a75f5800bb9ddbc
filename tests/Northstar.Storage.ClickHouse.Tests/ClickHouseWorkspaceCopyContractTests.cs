using Northstar.Core.Storage;
using Northstar.Storage.Sqlite;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>The copy contract (northstar migrate) between SQLite files in a temp folder and a fresh database on the test ClickHouse server.</summary>
public sealed class ClickHouseWorkspaceCopyContractTests : WorkspaceCopyContract
{
    private readonly TestDatabase _database = TestDatabase.Single();
    private readonly string _dir = Directory.CreateTempSubdirectory("ns-ch-copy-").FullName;
    private int _others;

    protected override INorthstarStore CreateStore() => _database.Open();

    protected override INorthstarStore CreateOtherStore() => SqliteFactStore.Open(Path.Combine(_dir, $"other-{++_others}.db"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
            Directory.Delete(_dir, recursive: true);
        }
    }
}
