using Northstar.Core.Accounts;

namespace Northstar.Server.Tests.Api;

/// <summary>GET settings and PUT settings/{key} (admin), checked as the CLI's settings set.</summary>
public sealed class SettingsApiTests : ApiTestBase
{
    private HttpClient _admin = null!;

    private protected override void Arrange() => _admin = World.As("adam", WorkspaceRole.Admin);

    [Fact]
    public async Task Put_ThenGet_ShowsTheValue_AndNullRemovesIt()
    {
        var set = await ApiWorld.SendAsync(_admin, HttpMethod.Put, "settings/gross_margin", new { value = "0.7" });
        var read = await ApiWorld.GetJsonAsync(_admin, "settings");
        var unset = await ApiWorld.SendAsync(_admin, HttpMethod.Put, "settings/gross_margin", new { value = (string?)null });

        Assert.Equal(200, set.Status);
        Assert.Equal("0.7", read.GetProperty("gross_margin").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.GetProperty("brand").ValueKind); // not set: the default applies
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unset.Body.GetProperty("gross_margin").ValueKind);
    }

    [Theory]
    [InlineData("gross_margin", "lots", "value")]
    [InlineData("colour", "blue", "key")]
    public async Task Put_BadSetting_Is400NamingIt(string key, string value, string parameter)
    {
        var (status, problem, _) = await ApiWorld.SendAsync(_admin, HttpMethod.Put, $"settings/{key}", new { value });

        Assert.Equal(400, status);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(key, problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_AsEditor_Is403()
    {
        var editor = World.As("edith", WorkspaceRole.Editor);

        Assert.Equal(403, (await ApiWorld.SendAsync(editor, HttpMethod.Put, "settings/brand", new { value = "Acme" })).Status);
    }
}
