using System.Text.Json;

namespace Northstar.Server.Tests.Accounts;

/// <summary>The account routes in the server's OpenAPI description.</summary>
public sealed class AccountsOpenApiTests
{
    [Fact]
    public async Task OpenApi_DescribesEveryAccountRoute_AndNoHashField()
    {
        await using var s = await AccountsServer.StartAsync();

        var text = await s.Anonymous().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = JsonDocument.Parse(text).RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _))
                .Select(o => (Path: p.Name, Method: o.Name, Id: o.Value.GetProperty("operationId").GetString())))
            .ToList();
        (string, string, string)[] expected =
        [
            ("/api/login", "post", "Login"),
            ("/api/logout", "post", "Logout"),
            ("/api/me", "get", "Me"),
            ("/api/workspaces/{workspace}/users", "get", "ListMembers"),
            ("/api/workspaces/{workspace}/users", "post", "AddMember"),
            ("/api/workspaces/{workspace}/users/{name}", "put", "SetMemberRole"),
            ("/api/workspaces/{workspace}/users/{name}", "delete", "RemoveMember"),
            ("/api/workspaces/{workspace}/tokens", "get", "ListTokens"),
            ("/api/workspaces/{workspace}/tokens", "post", "CreateToken"),
            ("/api/workspaces/{workspace}/tokens/{id}", "delete", "DeleteToken"),
            ("/api/workspaces/{workspace}/write-keys", "get", "ListWriteKeys"),
            ("/api/workspaces/{workspace}/write-keys", "post", "CreateWriteKey"),
            ("/api/workspaces/{workspace}/write-keys/{id}", "delete", "RevokeWriteKey"),
        ];
        Assert.All(expected, e => Assert.Contains(e, operations.Select(o => (o.Path, o.Method, o.Id!))));
        // No schema has a hash among its properties (descriptions may say "never its hash").
        var properties = JsonDocument.Parse(text).RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(schema => schema.Value.TryGetProperty("properties", out _))
            .SelectMany(schema => schema.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name))
            .ToList();
        Assert.Contains("secret", properties);
        Assert.DoesNotContain(properties, p => p.Contains("hash", StringComparison.OrdinalIgnoreCase));
    }
}
