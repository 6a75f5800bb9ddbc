using Northstar.Core.Accounts;
using Northstar.Core.Workspaces;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>
/// What every backend's <see cref="IAccountStore"/> must do: users (names unique ignoring case),
/// roles per workspace, API tokens found by their secret's hash, write keys with their
/// revocation, each stamped by <see cref="Core.Storage.INorthstarStore.AccountClock"/>, and
/// every workspace's records apart from the others'.
/// </summary>
public abstract class AccountStoreContract : NorthstarStoreContract
{
    /// <summary>The account clock's time until a test moves it.</summary>
    protected static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(Noon);
    private Workspace? _acme;
    private Workspace? _globex;

    private IAccountStore Accounts
    {
        get
        {
            Store.AccountClock = _clock;
            return Store;
        }
    }

    private Workspace Acme => _acme ??= Store.GetOrCreateWorkspace("acme");

    private Workspace Globex => _globex ??= Store.GetOrCreateWorkspace("globex");

    [Fact]
    public void CreateUser_NewName_IsFoundByNameAndIdWithItsHashAndTime()
    {
        var created = Accounts.CreateUser("Ada", "hash-1");

        var byName = Accounts.FindUser("ada");
        var byId = Accounts.GetUser(created.Id);

        Assert.Equal(new UserAccount(created.Id, "Ada", "hash-1", Noon), byName);
        Assert.Equal(byName, byId);
        Assert.Null(Accounts.FindUser("bob"));
        Assert.Null(Accounts.GetUser(created.Id + 1));
    }

    [Fact]
    public void CreateUser_NameTakenInOtherCase_Throws()
    {
        Accounts.CreateUser("ada", "hash-1");

        var error = Assert.Throws<InvalidOperationException>(() => Accounts.CreateUser("ADA", "hash-2"));

        Assert.Contains("ADA", error.Message, StringComparison.Ordinal);
        Assert.Single(Accounts.ListUsers());
    }

    [Fact]
    public void ListUsers_MixedCase_SortedByNameIgnoringCase()
    {
        Accounts.CreateUser("carol", "h");
        Accounts.CreateUser("Bob", "h");
        Accounts.CreateUser("alice", "h");

        Assert.Equal(["alice", "Bob", "carol"], Accounts.ListUsers().Select(u => u.Name));
    }

    [Fact]
    public void SetPasswordHash_ExistingUser_ReplacesHash()
    {
        var ada = Accounts.CreateUser("ada", "old");

        Accounts.SetPasswordHash(ada.Id, "new");

        Assert.Equal("new", Accounts.GetUser(ada.Id)!.PasswordHash);
        Assert.Throws<InvalidOperationException>(() => Accounts.SetPasswordHash(ada.Id + 99, "x"));
    }

    [Fact]
    public void SetRole_GivenThenChanged_ListsOneMembershipWithTheLastRole()
    {
        var ada = Accounts.CreateUser("ada", "h");

        Accounts.SetRole(ada.Id, Acme, WorkspaceRole.Viewer);
        Accounts.SetRole(ada.Id, Acme, WorkspaceRole.Admin);
        Accounts.SetRole(ada.Id, Globex, WorkspaceRole.Editor);

        Assert.Equal(WorkspaceRole.Admin, Accounts.GetRole(ada.Id, Acme.Id));
        Assert.Equal(WorkspaceRole.Editor, Accounts.GetRole(ada.Id, Globex.Id));
        var memberships = Accounts.ListMemberships(ada.Id);
        Assert.Equal([("acme", WorkspaceRole.Admin), ("globex", WorkspaceRole.Editor)], memberships.Select(m => (m.Workspace.Name, m.Role)));
        Assert.All(memberships, m => Assert.Equal(ada, m.User));
    }

    [Fact]
    public void SetRole_UnknownUser_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Accounts.SetRole(12345, Acme, WorkspaceRole.Viewer));
        Assert.Empty(Accounts.ListMembers(Acme));
    }

    [Fact]
    public void ListMembers_TwoWorkspaces_OnlyThatWorkspacesMembersByName()
    {
        var zed = Accounts.CreateUser("zed", "h");
        var ada = Accounts.CreateUser("ada", "h");
        var bob = Accounts.CreateUser("bob", "h");
        Accounts.SetRole(zed.Id, Acme, WorkspaceRole.Viewer);
        Accounts.SetRole(ada.Id, Acme, WorkspaceRole.Editor);
        Accounts.SetRole(bob.Id, Globex, WorkspaceRole.Admin);

        var members = Accounts.ListMembers(Acme);

        Assert.Equal([("ada", WorkspaceRole.Editor), ("zed", WorkspaceRole.Viewer)], members.Select(m => (m.User.Name, m.Role)));
        Assert.All(members, m => Assert.Equal(Acme, m.Workspace));
        Assert.Null(Accounts.GetRole(bob.Id, Acme.Id));
    }

    [Fact]
    public void SetRole_Null_RemovesMembershipAndTheUsersTokensThereOnly()
    {
        var ada = Accounts.CreateUser("ada", "h");
        var bob = Accounts.CreateUser("bob", "h");
        Accounts.SetRole(ada.Id, Acme, WorkspaceRole.Admin);
        Accounts.SetRole(ada.Id, Globex, WorkspaceRole.Admin);
        Accounts.SetRole(bob.Id, Acme, WorkspaceRole.Admin);
        Accounts.CreateApiToken(ada.Id, Acme, "ada-acme", "nst_a", "hash-a", WorkspaceRole.Admin);
        Accounts.CreateApiToken(ada.Id, Globex, "ada-globex", "nst_b", "hash-b", WorkspaceRole.Admin);
        Accounts.CreateApiToken(bob.Id, Acme, "bob-acme", "nst_c", "hash-c", WorkspaceRole.Admin);

        Accounts.SetRole(ada.Id, Acme, null);

        Assert.Null(Accounts.GetRole(ada.Id, Acme.Id));
        Assert.Equal(WorkspaceRole.Admin, Accounts.GetRole(ada.Id, Globex.Id));
        Assert.Null(Accounts.FindApiToken("hash-a"));
        Assert.NotNull(Accounts.FindApiToken("hash-b"));
        Assert.Equal(["bob-acme"], Accounts.ListApiTokens(Acme).Select(t => t.Name));
    }

    [Fact]
    public void DeleteUser_WithMembershipsAndTokens_RemovesAllOfThem()
    {
        var ada = Accounts.CreateUser("ada", "h");
        var bob = Accounts.CreateUser("bob", "h");
        Accounts.SetRole(ada.Id, Acme, WorkspaceRole.Editor);
        Accounts.SetRole(bob.Id, Acme, WorkspaceRole.Viewer);
        Accounts.CreateApiToken(ada.Id, Acme, "ada", "nst_a", "hash-a", WorkspaceRole.Editor);
        Accounts.CreateApiToken(bob.Id, Acme, "bob", "nst_b", "hash-b", WorkspaceRole.Viewer);

        Assert.True(Accounts.DeleteUser(ada.Id));
        Assert.False(Accounts.DeleteUser(ada.Id));

        Assert.Null(Accounts.GetUser(ada.Id));
        Assert.Empty(Accounts.ListMemberships(ada.Id));
        Assert.Equal(["bob"], Accounts.ListMembers(Acme).Select(m => m.User.Name));
        Assert.Equal(["bob"], Accounts.ListApiTokens(Acme).Select(t => t.Name));
        Assert.Null(Accounts.FindApiToken("hash-a"));
    }

    [Fact]
    public void CreateApiToken_Stored_FoundByHashOnlyWithItsFields()
    {
        var ada = Accounts.CreateUser("ada", "h");
        _clock.Now = Noon.AddHours(1);

        var token = Accounts.CreateApiToken(ada.Id, Acme, "ci", "nst_abc", "deadbeef", WorkspaceRole.Viewer);

        var found = Accounts.FindApiToken("deadbeef");
        Assert.Equal(new ApiToken(token.Id, ada.Id, Acme.Id, "ci", "nst_abc", WorkspaceRole.Viewer, Noon.AddHours(1)), found);
        Assert.Equal(found, token);
        Assert.Null(Accounts.FindApiToken("DEADBEEF0"));
        Assert.Null(Accounts.FindApiToken("nst_abc"));
    }

    [Fact]
    public void CreateApiToken_SameSecretHashTwice_ThrowsAndKeepsTheFirst()
    {
        var ada = Accounts.CreateUser("ada", "h");
        Accounts.CreateApiToken(ada.Id, Acme, "one", "p", "same", WorkspaceRole.Viewer);

        Assert.ThrowsAny<Exception>(() => Accounts.CreateApiToken(ada.Id, Acme, "two", "p", "same", WorkspaceRole.Viewer));

        Assert.Equal("one", Accounts.FindApiToken("same")!.Name);
        Assert.Equal(["one"], Accounts.ListApiTokens(Acme).Select(t => t.Name));
    }

    [Fact]
    public void DeleteApiToken_OtherWorkspacesId_IsRefusedAndKept()
    {
        var ada = Accounts.CreateUser("ada", "h");
        var token = Accounts.CreateApiToken(ada.Id, Acme, "ci", "nst_abc", "hash", WorkspaceRole.Viewer);

        Assert.False(Accounts.DeleteApiToken(Globex, token.Id));
        Assert.NotNull(Accounts.FindApiToken("hash"));
        Assert.True(Accounts.DeleteApiToken(Acme, token.Id));
        Assert.Null(Accounts.FindApiToken("hash"));
        Assert.Empty(Accounts.ListApiTokens(Acme));
    }

    [Fact]
    public void ListApiTokens_TwoWorkspaces_OnlyThatWorkspacesByName()
    {
        var ada = Accounts.CreateUser("ada", "h");
        Accounts.CreateApiToken(ada.Id, Acme, "zeta", "p", "h1", WorkspaceRole.Viewer);
        Accounts.CreateApiToken(ada.Id, Globex, "beta", "p", "h2", WorkspaceRole.Viewer);
        Accounts.CreateApiToken(ada.Id, Acme, "alpha", "p", "h3", WorkspaceRole.Editor);

        Assert.Equal(["alpha", "zeta"], Accounts.ListApiTokens(Acme).Select(t => t.Name));
        Assert.Equal(["beta"], Accounts.ListApiTokens(Globex).Select(t => t.Name));
    }

    [Fact]
    public void CreateWriteKey_Stored_FoundByKeyWithItsWorkspaceAndTime()
    {
        _clock.Now = Noon.AddMinutes(3);

        var key = Accounts.CreateWriteKey(Acme, "website", "wk_1");

        Assert.Equal(new WriteKey(key.Id, Acme.Id, "website", "wk_1", Noon.AddMinutes(3), null), key);
        Assert.Equal(key, Accounts.FindWriteKey("wk_1"));
        Assert.Null(Accounts.FindWriteKey("WK_1"));
    }

    [Fact]
    public void RevokeWriteKey_Twice_KeepsTheFirstRevocationTime()
    {
        var key = Accounts.CreateWriteKey(Acme, "website", "wk_1");
        _clock.Now = Noon.AddMinutes(5);
        Assert.True(Accounts.RevokeWriteKey(Acme, key.Id));
        _clock.Now = Noon.AddMinutes(9);
        Assert.True(Accounts.RevokeWriteKey(Acme, key.Id));

        var found = Accounts.FindWriteKey("wk_1");

        Assert.Equal(new WriteKey(key.Id, Acme.Id, "website", "wk_1", Noon, Noon.AddMinutes(5)), found);
    }

    [Fact]
    public void RevokeWriteKey_OtherWorkspacesKey_IsRefused()
    {
        var key = Accounts.CreateWriteKey(Acme, "website", "wk_1");

        Assert.False(Accounts.RevokeWriteKey(Globex, key.Id));

        Assert.Null(Accounts.FindWriteKey("wk_1")!.RevokedAt);
    }

    [Fact]
    public void ListWriteKeys_TwoWorkspaces_OnlyThatWorkspacesByCreationRevokedIncluded()
    {
        var first = Accounts.CreateWriteKey(Acme, "zz first", "wk_1");
        _clock.Now = Noon.AddSeconds(1);
        Accounts.CreateWriteKey(Globex, "other", "wk_2");
        _clock.Now = Noon.AddSeconds(2);
        Accounts.CreateWriteKey(Acme, "aa second", "wk_3");
        Accounts.RevokeWriteKey(Acme, first.Id);

        var keys = Accounts.ListWriteKeys(Acme);

        Assert.Equal(["wk_1", "wk_3"], keys.Select(k => k.Key));
        Assert.Equal(Noon.AddSeconds(2), keys[0].RevokedAt);
        Assert.Null(keys[1].RevokedAt);
        Assert.Equal(["wk_2"], Accounts.ListWriteKeys(Globex).Select(k => k.Key));
        Assert.Null(Accounts.FindWriteKey("wk_4"));
    }

    [Fact]
    public void Accounts_TwoWorkspaces_EachSeesOnlyItsOwnMembersTokensAndKeys()
    {
        var ada = Accounts.CreateUser("ada", "h");
        var bob = Accounts.CreateUser("bob", "h");
        Accounts.SetRole(ada.Id, Acme, WorkspaceRole.Admin);
        Accounts.SetRole(bob.Id, Globex, WorkspaceRole.Viewer);
        var adaToken = Accounts.CreateApiToken(ada.Id, Acme, "ada-ci", "p", "ha", WorkspaceRole.Admin);
        var bobToken = Accounts.CreateApiToken(bob.Id, Globex, "bob-ci", "p", "hb", WorkspaceRole.Viewer);
        var acmeKey = Accounts.CreateWriteKey(Acme, "site", "wk_a");
        var globexKey = Accounts.CreateWriteKey(Globex, "site", "wk_g");

        Assert.Equal([ada], Accounts.ListMembers(Acme).Select(m => m.User));
        Assert.Equal([bob], Accounts.ListMembers(Globex).Select(m => m.User));
        Assert.Equal([adaToken], Accounts.ListApiTokens(Acme));
        Assert.Equal([bobToken], Accounts.ListApiTokens(Globex));
        Assert.Equal([acmeKey], Accounts.ListWriteKeys(Acme));
        Assert.Equal([globexKey], Accounts.ListWriteKeys(Globex));
        Assert.Equal((Acme.Id, Globex.Id), (Accounts.FindWriteKey("wk_a")!.WorkspaceId, Accounts.FindWriteKey("wk_g")!.WorkspaceId));
        Assert.Equal((Acme.Id, Globex.Id), (Accounts.FindApiToken("ha")!.WorkspaceId, Accounts.FindApiToken("hb")!.WorkspaceId));
        Assert.Null(Accounts.GetRole(ada.Id, Globex.Id));
        Assert.Null(Accounts.GetRole(bob.Id, Acme.Id));
    }
}
