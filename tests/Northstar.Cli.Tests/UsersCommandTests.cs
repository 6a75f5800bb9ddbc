using System.Diagnostics;
using System.Text.Json;
using Northstar.Core.Accounts;
using Northstar.Server.Accounts;
using Northstar.Storage.Sqlite;

namespace Northstar.Cli.Tests;

/// <summary><c>northstar users ...</c> and <c>northstar keys ...</c> run as the real program over a real store.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public UsersCommandTests()
    {
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        store.GetOrCreateWorkspace("default");
        store.GetOrCreateWorkspace("acme");
    }

    [Fact]
    public void UsersAdd_NoPasswordGiven_PrintsAGeneratedPasswordThatChecks()
    {
        var (code, stdout, stderr) = CliProcess.Run(_dir.Path, "users", "add", "ada", "--role", "editor", "--workspace", "acme");

        Assert.True(code == 0, stderr);
        var password = PrintedPassword(stdout);
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        var ada = Service(store).CheckPassword("ada", password);
        Assert.NotNull(ada);
        Assert.Equal(WorkspaceRole.Editor, store.GetRole(ada.Id, store.FindWorkspace("acme")!.Id));
        Assert.Null(store.GetRole(ada.Id, store.FindWorkspace("default")!.Id));
        Assert.DoesNotContain(password, ada.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public void UsersAdd_PasswordStdin_UsesTheFirstLineAndPrintsNoPassword()
    {
        var (code, stdout, stderr) = RunWithStdin("chosen password 1\nsecond line\n", "users", "add", "ada", "--role", "viewer", "--password-stdin");

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("Password", stdout, StringComparison.Ordinal);
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        Assert.NotNull(Service(store).CheckPassword("ada", "chosen password 1"));
        Assert.Equal(WorkspaceRole.Viewer, store.GetRole(store.FindUser("ada")!.Id, store.FindWorkspace("default")!.Id));
    }

    [Fact]
    public void UsersAdd_ShortPasswordOnStdin_ExitsTwoAndCreatesNobody()
    {
        var (code, _, stderr) = RunWithStdin("short\n", "users", "add", "ada", "--role", "viewer", "--password-stdin");

        Assert.Equal(2, code);
        Assert.Contains("shorter than 10", stderr, StringComparison.Ordinal);
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        Assert.Null(store.FindUser("ada"));
    }

    [Fact]
    public void UsersAdd_NameWithAColon_ExitsTwoWithTheReasonAndCreatesNobody()
    {
        var (code, stdout, stderr) = CliProcess.Run(_dir.Path, "users", "add", "ada:lovelace", "--role", "viewer");

        Assert.Equal(2, code);
        Assert.Equal("error: The user name contains a control character or a colon.", stderr.Trim());
        Assert.DoesNotContain("Password", stdout, StringComparison.Ordinal);
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        Assert.Empty(store.ListUsers());
    }

    [Fact]
    public void UsersAdd_UnknownRoleOrWorkspace_Fails()
    {
        var badRole = CliProcess.Run(_dir.Path, "users", "add", "ada", "--role", "owner");
        var badWorkspace = CliProcess.Run(_dir.Path, "users", "add", "ada", "--role", "admin", "--workspace", "nowhere");

        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Equal(1, badWorkspace.ExitCode);
        Assert.Contains("no workspace 'nowhere'", badWorkspace.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void UsersAdd_ExistingUserToSecondWorkspace_KeepsPasswordAddsRole_ListShowsBoth()
    {
        var first = CliProcess.Run(_dir.Path, "users", "add", "ada", "--role", "admin", "--workspace", "acme");
        var password = PrintedPassword(first.Out);

        var second = CliProcess.Run(_dir.Path, "users", "add", "ADA", "--role", "viewer");
        var list = CliProcess.Run(_dir.Path, "users", "list", "--format", "json");

        Assert.True(second.ExitCode == 0, second.Err);
        Assert.DoesNotContain("Password", second.Out, StringComparison.Ordinal);
        var user = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());
        Assert.Equal("ada", user.GetProperty("name").GetString());
        var roles = user.GetProperty("workspaces").EnumerateArray()
            .Select(w => (w.GetProperty("workspace").GetString(), w.GetProperty("role").GetString())).ToList();
        Assert.Equal([("acme", "admin"), ("default", "viewer")], roles);
        Assert.DoesNotContain("password", list.Out, StringComparison.OrdinalIgnoreCase);
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        Assert.NotNull(Service(store).CheckPassword("ada", password));
    }

    [Fact]
    public void UsersPasswd_Stdin_ReplacesThePassword()
    {
        var first = CliProcess.Run(_dir.Path, "users", "add", "ada", "--role", "admin");
        var old = PrintedPassword(first.Out);

        var (code, _, stderr) = RunWithStdin("the new password\n", "users", "passwd", "ada", "--password-stdin");

        Assert.True(code == 0, stderr);
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        Assert.Null(Service(store).CheckPassword("ada", old));
        Assert.NotNull(Service(store).CheckPassword("ada", "the new password"));
    }

    [Fact]
    public void UsersRemove_DeletesUserWithMembershipsAndTokens_UnknownUserExitsOne()
    {
        CliProcess.Run(_dir.Path, "users", "add", "ada", "--role", "admin");
        using (var store = SqliteFactStore.Open(_dir.File("northstar.db")))
        {
            var ada = store.FindUser("ada")!;
            Service(store).CreateApiToken(ada.Id, store.FindWorkspace("default")!, "ci", WorkspaceRole.Admin);
        }

        var removed = CliProcess.Run(_dir.Path, "users", "remove", "ada");
        var again = CliProcess.Run(_dir.Path, "users", "remove", "ada");

        Assert.True(removed.ExitCode == 0, removed.Err);
        Assert.Equal(1, again.ExitCode);
        using var after = SqliteFactStore.Open(_dir.File("northstar.db"));
        Assert.Empty(after.ListUsers());
        Assert.Empty(after.ListMembers(after.FindWorkspace("default")!));
        Assert.Empty(after.ListApiTokens(after.FindWorkspace("default")!));
    }

    [Fact]
    public void KeysAddListRevoke_InTheWorkspaceOnly()
    {
        var added = CliProcess.Run(_dir.Path, "keys", "add", "website", "--workspace", "acme");
        var key = added.Out.Trim();

        var listed = CliProcess.Run(_dir.Path, "keys", "list", "--workspace", "acme", "--format", "json");
        var id = JsonDocument.Parse(listed.Out).RootElement[0].GetProperty("id").GetInt64();
        var otherWorkspace = CliProcess.Run(_dir.Path, "keys", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var revoked = CliProcess.Run(_dir.Path, "keys", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--workspace", "acme");
        var defaultList = CliProcess.Run(_dir.Path, "keys", "list", "--format", "json");

        Assert.True(added.ExitCode == 0, added.Err);
        Assert.StartsWith("wk_", key, StringComparison.Ordinal);
        Assert.Equal(key, JsonDocument.Parse(listed.Out).RootElement[0].GetProperty("key").GetString());
        Assert.Equal(1, otherWorkspace.ExitCode);
        Assert.True(revoked.ExitCode == 0, revoked.Err);
        Assert.Equal(0, JsonDocument.Parse(defaultList.Out).RootElement.GetArrayLength());
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        var stored = store.FindWriteKey(key)!;
        Assert.Equal(store.FindWorkspace("acme")!.Id, stored.WorkspaceId);
        Assert.NotNull(stored.RevokedAt);
    }

    public void Dispose() => _dir.Dispose();

    private static AccountService Service(SqliteFactStore store) => new(store, new LoginThrottle(TimeProvider.System));

    private static string PrintedPassword(string stdout)
    {
        const string Marker = "Password (shown once): ";
        var line = stdout.Split('\n').Single(l => l.StartsWith(Marker, StringComparison.Ordinal));
        return line[Marker.Length..].Trim();
    }

    private (int ExitCode, string Out, string Err) RunWithStdin(string input, params string[] args)
    {
        var info = CliProcess.StartInfo(_dir.Path, args);
        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"northstar {string.Join(' ', args)} did not finish in two minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
