using Microsoft.Data.Sqlite;
using Northstar.Core.Accounts;
using Northstar.Core.Workspaces;

namespace Northstar.Storage.Sqlite.Tests.Accounts;

/// <summary>
/// What only the SQLite account store does: its records survive a reopen of the file, and a
/// duplicate token hash is refused by the table's unique index. The rest of the account
/// behaviour is <see cref="Testing.Contracts.AccountStoreContract"/>'s (SqliteAccountStoreContractTests).
/// </summary>
public sealed class SqliteAccountStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteFactStore _store;
    private readonly Workspace _acme;

    public SqliteAccountStoreTests()
    {
        _store = SqliteFactStore.Open(_dir.File("northstar.db"));
        _acme = _store.GetOrCreateWorkspace("acme");
    }

    [Fact]
    public void CreateApiToken_SameSecretHashTwice_ThrowsSqliteException()
    {
        var ada = _store.CreateUser("ada", "h");
        _store.CreateApiToken(ada.Id, _acme, "one", "p", "same", WorkspaceRole.Viewer);

        Assert.Throws<SqliteException>(() => _store.CreateApiToken(ada.Id, _acme, "two", "p", "same", WorkspaceRole.Viewer));
    }

    [Fact]
    public void Reopen_AfterWrites_ReadsTheSameAccounts()
    {
        var ada = _store.CreateUser("ada", "h");
        _store.SetRole(ada.Id, _acme, WorkspaceRole.Editor);
        _store.CreateWriteKey(_acme, "site", "wk_1");
        _store.Dispose();

        using var reopened = SqliteFactStore.Open(_dir.File("northstar.db"));

        Assert.Equal(ada, reopened.FindUser("ADA"));
        Assert.Equal(WorkspaceRole.Editor, reopened.GetRole(ada.Id, _acme.Id));
        Assert.Equal("site", reopened.FindWriteKey("wk_1")!.Name);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}
