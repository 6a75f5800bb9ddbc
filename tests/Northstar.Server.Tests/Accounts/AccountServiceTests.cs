using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Northstar.Core.Accounts;
using Northstar.Server.Accounts;
using Northstar.Storage.Sqlite;

namespace Northstar.Server.Tests.Accounts;

/// <summary><see cref="AccountService"/> over a real SQLite store.</summary>
public sealed class AccountServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteFactStore _store;
    private readonly AccountService _service;

    public AccountServiceTests()
    {
        _store = SqliteFactStore.Open(_dir.File("northstar.db"));
        _service = new AccountService(_store, new LoginThrottle(TimeProvider.System));
    }

    [Fact]
    public void CreateUser_StoresAHashThatIsNotThePassword()
    {
        var user = _service.CreateUser("ada", "correct horse battery");

        var stored = _store.FindUser("ada")!;
        Assert.Equal(user.Id, stored.Id);
        Assert.DoesNotContain("correct horse", stored.PasswordHash, StringComparison.Ordinal);
        // Identity's v3 format: base64 of a 0x01 marker byte, then PRF, iterations, salt and subkey.
        Assert.Equal(0x01, Convert.FromBase64String(stored.PasswordHash)[0]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("short", "shorter than 10")]
    [InlineData("123456789", "shorter than 10")]
    public void CreateUser_EmptyOrShortPassword_ThrowsWithTheReason(string password, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => _service.CreateUser("ada", password));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Null(_store.FindUser("ada"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ada")]
    [InlineData("ada:x")]
    public void CreateUser_BadName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => _service.CreateUser(name, "long enough password"));

    [Fact]
    public void CheckPassword_RightWrongAndUnknown()
    {
        var ada = _service.CreateUser("ada", "correct horse battery");

        Assert.Equal(ada.Id, _service.CheckPassword("ADA", "correct horse battery")?.Id);
        Assert.Null(_service.CheckPassword("ada", "correct horse batterY"));
        Assert.Null(_service.CheckPassword("bob", "correct horse battery"));
    }

    [Fact]
    public void CheckPassword_OldV2Hash_IsReplacedByAV3Hash()
    {
        var ada = _service.CreateUser("ada", "placeholder password");
        var v2 = new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }));
        _store.SetPasswordHash(ada.Id, v2.HashPassword(ada, "old style password"));
        Assert.Equal(0x00, Convert.FromBase64String(_store.GetUser(ada.Id)!.PasswordHash)[0]);

        var checkedUser = _service.CheckPassword("ada", "old style password");

        Assert.NotNull(checkedUser);
        var stored = _store.GetUser(ada.Id)!.PasswordHash;
        Assert.Equal(0x01, Convert.FromBase64String(stored)[0]);
        Assert.Equal(stored, checkedUser.PasswordHash);
        Assert.NotNull(_service.CheckPassword("ada", "old style password"));
    }

    [Fact]
    public void SetPassword_NewPassword_OldOneNoLongerWorks()
    {
        var ada = _service.CreateUser("ada", "first password");

        _service.SetPassword(ada.Id, "second password");

        Assert.Null(_service.CheckPassword("ada", "first password"));
        Assert.NotNull(_service.CheckPassword("ada", "second password"));
        Assert.Throws<ArgumentException>(() => _service.SetPassword(ada.Id, "short"));
    }

    [Fact]
    public void CreateApiToken_StoresOnlyTheSha256OfTheSecretAndItsPrefix()
    {
        var ws = _store.GetOrCreateWorkspace("alpha");
        var ada = _service.CreateUser("ada", "correct horse battery");
        _store.SetRole(ada.Id, ws, WorkspaceRole.Editor);

        var (token, secret) = _service.CreateApiToken(ada.Id, ws, "ci", WorkspaceRole.Viewer);

        Assert.StartsWith("nst_", secret, StringComparison.Ordinal);
        Assert.Equal(4 + 43, secret.Length);
        Assert.Equal(secret[..12], token.Prefix);
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        Assert.Equal(token, _store.FindApiToken(expectedHash));
        Assert.Null(_store.FindApiToken(secret));
        Assert.Equal(WorkspaceRole.Viewer, token.Role);
    }

    [Fact]
    public void CreateApiToken_RoleAboveTheUsers_IsCappedAtTheUsersRole()
    {
        var ws = _store.GetOrCreateWorkspace("alpha");
        var ada = _service.CreateUser("ada", "correct horse battery");
        _store.SetRole(ada.Id, ws, WorkspaceRole.Editor);

        var (token, _) = _service.CreateApiToken(ada.Id, ws, "ci", WorkspaceRole.Admin);

        Assert.Equal(WorkspaceRole.Editor, token.Role);
    }

    [Fact]
    public void CreateApiToken_NotAMember_Throws()
    {
        var ws = _store.GetOrCreateWorkspace("alpha");
        var ada = _service.CreateUser("ada", "correct horse battery");

        Assert.Throws<InvalidOperationException>(() => _service.CreateApiToken(ada.Id, ws, "ci", WorkspaceRole.Viewer));
    }

    [Fact]
    public void CreateWriteKey_TwoKeys_DifferentRandomKeysBothStored()
    {
        var ws = _store.GetOrCreateWorkspace("alpha");

        var first = _service.CreateWriteKey(ws, "website");
        var second = _service.CreateWriteKey(ws, "app");

        Assert.NotEqual(first.Key, second.Key);
        Assert.StartsWith("wk_", first.Key, StringComparison.Ordinal);
        Assert.Equal(3 + 32, first.Key.Length);
        Assert.Equal(["website", "app"], _store.ListWriteKeys(ws).Select(k => k.Name));
    }

    [Fact]
    public void BootstrapAdmin_NoUsers_AdminOfEveryWorkspaceWithAWorkingPassword()
    {
        var alpha = _store.GetOrCreateWorkspace("alpha");
        var bravo = _store.GetOrCreateWorkspace("bravo");

        var created = _service.BootstrapAdmin(_store);

        Assert.NotNull(created);
        Assert.Equal("admin", created.Value.Name);
        var admin = _service.CheckPassword("admin", created.Value.Password);
        Assert.NotNull(admin);
        Assert.Equal(WorkspaceRole.Admin, _store.GetRole(admin.Id, alpha.Id));
        Assert.Equal(WorkspaceRole.Admin, _store.GetRole(admin.Id, bravo.Id));
    }

    [Fact]
    public void BootstrapAdmin_UsersExist_ReturnsNullAndAddsNobody()
    {
        _service.CreateUser("ada", "correct horse battery");

        Assert.Null(_service.BootstrapAdmin(_store));

        Assert.Equal(["ada"], _store.ListUsers().Select(u => u.Name));
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}
