using Northstar.Core.Storage;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>The copy contract between two real SQLite files in a temp folder.</summary>
public sealed class SqliteWorkspaceCopyContractTests : WorkspaceCopyContract
{
    private readonly TempDirectory _dir = new();
    private int _others;

    protected override INorthstarStore CreateStore() => SqliteFactStore.Open(_dir.File("northstar.db"));

    protected override INorthstarStore CreateOtherStore() => SqliteFactStore.Open(_dir.File($"other-{++_others}.db"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _dir.Dispose();
        }
    }
}
