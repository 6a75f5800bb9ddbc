using Microsoft.Data.Sqlite;
using Northstar.Core.Accounts;
using Northstar.Core.Workspaces;

namespace Northstar.Storage.Sqlite.Tests.Accounts;

/// <summary>Users, memberships, API tokens and write keys in a real SQLite file.</summary>
public sealed class SqliteAccountStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private readonly StepClock _clock = new(Noon);
    private readonly SqliteFactStore _store;
    private readonly Workspace _acme;
    private readonly Workspace _globex;

    public SqliteAccountStoreTests()
    {
        _store = SqliteFactStore.Open(_dir.File("northstar.db"));
        _store.AccountClock = _clock;
        _acme = _store.GetOrCreateWorkspace("acme");
        _globex = _store.GetOrCreateWorkspace("globex");
    }

    [Fact]
    public void CreateUser_NewName_IsFoundByNameAndIdWithItsHashAndTime()
    {
        var created = _store.CreateUser("Ada", "hash-1");

        var byName = _store.FindUser("ada");
        var byId = _store.GetUser(created.Id);

        Assert.Equal(new UserAccount(created.Id, "Ada", "hash-1", Noon), byName);
        Assert.Equal(byName, byId);
        Assert.Null(_store.FindUser("bob"));
        Assert.Null(_store.GetUser(created.Id + 1));
    }

    [Fact]
    public void CreateUser_NameTakenInOtherCase_Throws()
    {
        _store.CreateUser("ada", "hash-1");

        var error = Assert.Throws<InvalidOperationException>(() => _store.CreateUser("ADA", "hash-2"));

        Assert.Contains("ADA", error.Message, StringComparison.Ordinal);
        Assert.Single(_store.ListUsers());
    }

    [Fact]
    public void ListUsers_MixedCase_SortedByNameIgnoringCase()
    {
        _store.CreateUser("carol", "h");
        _store.CreateUser("Bob", "h");
        _store.CreateUser("alice", "h");

        Assert.Equal(["alice", "Bob", "carol"], _store.ListUsers().Select(u => u.Name));
    }

    [Fact]
    public void SetPasswordHash_ExistingUser_ReplacesHash()
    {
        var ada = _store.CreateUser("ada", "old");

        _store.SetPasswordHash(ada.Id, "new");

        Assert.Equal("new", _store.GetUser(ada.Id)!.PasswordHash);
        Assert.Throws<InvalidOperationException>(() => _store.SetPasswordHash(ada.Id + 99, "x"));
    }

    [Fact]
    public void SetRole_GivenThenChanged_ListsOneMembershipWithTheLastRole()
    {
        var ada = _store.CreateUser("ada", "h");

        _store.SetRole(ada.Id, _acme, WorkspaceRole.Viewer);
        _store.SetRole(ada.Id, _acme, WorkspaceRole.Admin);
        _store.SetRole(ada.Id, _globex, WorkspaceRole.Editor);

        Assert.Equal(WorkspaceRole.Admin, _store.GetRole(ada.Id, _acme.Id));
        Assert.Equal(WorkspaceRole.Editor, _store.GetRole(ada.Id, _globex.Id));
        var memberships = _store.ListMemberships(ada.Id);
        Assert.Equal([("acme", WorkspaceRole.Admin), ("globex", WorkspaceRole.Editor)], memberships.Select(m => (m.Workspace.Name, m.Role)));
        Assert.All(memberships, m => Assert.Equal(ada, m.User));
    }

    [Fact]
    public void SetRole_UnknownUser_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => _store.SetRole(12345, _acme, WorkspaceRole.Viewer));
        Assert.Empty(_store.ListMembers(_acme));
    }

    [Fact]
    public void ListMembers_TwoWorkspaces_OnlyThatWorkspacesMembersByName()
    {
        var zed = _store.CreateUser("zed", "h");
        var ada = _store.CreateUser("ada", "h");
        var bob = _store.CreateUser("bob", "h");
        _store.SetRole(zed.Id, _acme, WorkspaceRole.Viewer);
        _store.SetRole(ada.Id, _acme, WorkspaceRole.Editor);
        _store.SetRole(bob.Id, _globex, WorkspaceRole.Admin);

        var members = _store.ListMembers(_acme);

        Assert.Equal([("ada", WorkspaceRole.Editor), ("zed", WorkspaceRole.Viewer)], members.Select(m => (m.User.Name, m.Role)));
        Assert.All(members, m => Assert.Equal(_acme, m.Workspace));
    }

    [Fact]
    public void SetRole_Null_RemovesMembershipAndTheUsersTokensThereOnly()
    {
        var ada = _store.CreateUser("ada", "h");
        var bob = _store.CreateUser("bob", "h");
        _store.SetRole(ada.Id, _acme, WorkspaceRole.Admin);
        _store.SetRole(ada.Id, _globex, WorkspaceRole.Admin);
        _store.SetRole(bob.Id, _acme, WorkspaceRole.Admin);
        _store.CreateApiToken(ada.Id, _acme, "ada-acme", "nst_a", "hash-a", WorkspaceRole.Admin);
        _store.CreateApiToken(ada.Id, _globex, "ada-globex", "nst_b", "hash-b", WorkspaceRole.Admin);
        _store.CreateApiToken(bob.Id, _acme, "bob-acme", "nst_c", "hash-c", WorkspaceRole.Admin);

        _store.SetRole(ada.Id, _acme, null);

        Assert.Null(_store.GetRole(ada.Id, _acme.Id));
        Assert.Equal(WorkspaceRole.Admin, _store.GetRole(ada.Id, _globex.Id));
        Assert.Null(_store.FindApiToken("hash-a"));
        Assert.NotNull(_store.FindApiToken("hash-b"));
        Assert.Equal(["bob-acme"], _store.ListApiTokens(_acme).Select(t => t.Name));
    }

    [Fact]
    public void DeleteUser_WithMembershipsAndTokens_RemovesAllOfThem()
    {
        var ada = _store.CreateUser("ada", "h");
        var bob = _store.CreateUser("bob", "h");
        _store.SetRole(ada.Id, _acme, WorkspaceRole.Editor);
        _store.SetRole(bob.Id, _acme, WorkspaceRole.Viewer);
        _store.CreateApiToken(ada.Id, _acme, "ada", "nst_a", "hash-a", WorkspaceRole.Editor);
        _store.CreateApiToken(bob.Id, _acme, "bob", "nst_b", "hash-b", WorkspaceRole.Viewer);

        Assert.True(_store.DeleteUser(ada.Id));
        Assert.False(_store.DeleteUser(ada.Id));

        Assert.Null(_store.GetUser(ada.Id));
        Assert.Empty(_store.ListMemberships(ada.Id));
        Assert.Equal(["bob"], _store.ListMembers(_acme).Select(m => m.User.Name));
        Assert.Equal(["bob"], _store.ListApiTokens(_acme).Select(t => t.Name));
        Assert.Null(_store.FindApiToken("hash-a"));
    }

    [Fact]
    public void CreateApiToken_Stored_FoundByHashOnlyWithItsFields()
    {
        var ada = _store.CreateUser("ada", "h");
        _clock.Now = Noon.AddHours(1);

        var token = _store.CreateApiToken(ada.Id, _acme, "ci", "nst_abc", "deadbeef", WorkspaceRole.Viewer);

        var found = _store.FindApiToken("deadbeef");
        Assert.Equal(new ApiToken(token.Id, ada.Id, _acme.Id, "ci", "nst_abc", WorkspaceRole.Viewer, Noon.AddHours(1)), found);
        Assert.Null(_store.FindApiToken("DEADBEEF0"));
        Assert.Null(_store.FindApiToken("nst_abc"));
    }

    [Fact]
    public void DeleteApiToken_OtherWorkspacesId_IsRefusedAndKept()
    {
        var ada = _store.CreateUser("ada", "h");
        var token = _store.CreateApiToken(ada.Id, _acme, "ci", "nst_abc", "hash", WorkspaceRole.Viewer);

        Assert.False(_store.DeleteApiToken(_globex, token.Id));
        Assert.NotNull(_store.FindApiToken("hash"));
        Assert.True(_store.DeleteApiToken(_acme, token.Id));
        Assert.Null(_store.FindApiToken("hash"));
        Assert.Empty(_store.ListApiTokens(_acme));
    }

    [Fact]
    public void ListApiTokens_TwoWorkspaces_OnlyThatWorkspacesByName()
    {
        var ada = _store.CreateUser("ada", "h");
        _store.CreateApiToken(ada.Id, _acme, "zeta", "p", "h1", WorkspaceRole.Viewer);
        _store.CreateApiToken(ada.Id, _globex, "beta", "p", "h2", WorkspaceRole.Viewer);
        _store.CreateApiToken(ada.Id, _acme, "alpha", "p", "h3", WorkspaceRole.Editor);

        Assert.Equal(["alpha", "zeta"], _store.ListApiTokens(_acme).Select(t => t.Name));
    }

    [Fact]
    public void CreateApiToken_SameSecretHashTwice_Throws()
    {
        var ada = _store.CreateUser("ada", "h");
        _store.CreateApiToken(ada.Id, _acme, "one", "p", "same", WorkspaceRole.Viewer);

        Assert.Throws<SqliteException>(() => _store.CreateApiToken(ada.Id, _acme, "two", "p", "same", WorkspaceRole.Viewer));
    }

    [Fact]
    public void RevokeWriteKey_Twice_KeepsTheFirstRevocationTime()
    {
        var key = _store.CreateWriteKey(_acme, "website", "wk_1");
        _clock.Now = Noon.AddMinutes(5);
        Assert.True(_store.RevokeWriteKey(_acme, key.Id));
        _clock.Now = Noon.AddMinutes(9);
        Assert.True(_store.RevokeWriteKey(_acme, key.Id));

        var found = _store.FindWriteKey("wk_1");

        Assert.Equal(new WriteKey(key.Id, _acme.Id, "website", "wk_1", Noon, Noon.AddMinutes(5)), found);
    }

    [Fact]
    public void RevokeWriteKey_OtherWorkspacesKey_IsRefused()
    {
        var key = _store.CreateWriteKey(_acme, "website", "wk_1");

        Assert.False(_store.RevokeWriteKey(_globex, key.Id));

        Assert.Null(_store.FindWriteKey("wk_1")!.RevokedAt);
    }

    [Fact]
    public void ListWriteKeys_TwoWorkspaces_OnlyThatWorkspacesByCreationRevokedIncluded()
    {
        var first = _store.CreateWriteKey(_acme, "zz first", "wk_1");
        _clock.Now = Noon.AddSeconds(1);
        _store.CreateWriteKey(_globex, "other", "wk_2");
        _clock.Now = Noon.AddSeconds(2);
        _store.CreateWriteKey(_acme, "aa second", "wk_3");
        _store.RevokeWriteKey(_acme, first.Id);

        var keys = _store.ListWriteKeys(_acme);

        Assert.Equal(["wk_1", "wk_3"], keys.Select(k => k.Key));
        Assert.Equal(Noon.AddSeconds(2), keys[0].RevokedAt);
        Assert.Null(keys[1].RevokedAt);
        Assert.Null(_store.FindWriteKey("wk_4"));
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

    private sealed class StepClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
