using Northstar.Core.Storage;
using Northstar.Storage.Sqlite;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>The copy contract (northstar migrate) between SQLite files in a temp folder and a fresh database on the test PostgreSQL server.</summary>
public sealed class PostgresWorkspaceCopyContractTests : WorkspaceCopyContract
{
    private readonly TestDatabase _database = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("ns-pg-copy-").FullName;
    private int _others;

    protected override INorthstarStore CreateStore() => _database.OpenStore();

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
