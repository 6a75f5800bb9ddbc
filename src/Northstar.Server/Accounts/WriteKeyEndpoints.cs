using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Accounts;
using Northstar.Server.Accounts.Contracts;
using Northstar.Server.Hosting;

namespace Northstar.Server.Accounts;

/// <summary>Tracking write keys (<c>/api/workspaces/{workspace}/write-keys</c>): admins only.</summary>
internal static class WriteKeyEndpoints
{
    public static void MapWriteKeyEndpoints(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/write-keys", List)
            .WithName("ListWriteKeys").WithSummary("The workspace's tracking write keys, revoked ones included.")
            .RequiresRole(WorkspaceRole.Admin);
        workspace.MapPost("/write-keys", Create)
            .WithName("CreateWriteKey").WithSummary("A new random write key for the tracking API (/v1/*) into this workspace.")
            .RequiresRole(WorkspaceRole.Admin);
        workspace.MapDelete("/write-keys/{id:long}", Revoke)
            .WithName("RevokeWriteKey").WithSummary("Revoke a write key: the tracking API refuses it from now on.")
            .RequiresRole(WorkspaceRole.Admin);
    }

    private static Ok<List<WriteKeyResponse>> List(HttpContext http, IAccountStore accounts) =>
        TypedResults.Ok(accounts.ListWriteKeys(http.GetWorkspace().Workspace).Select(Describe).ToList());

    private static Results<Created<WriteKeyResponse>, ProblemHttpResult> Create(WriteKeyRequest body, HttpContext http, AccountService service)
    {
        var ws = http.GetWorkspace();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            return Problems.BadRequest("A write key needs a name (up to 100 characters), e.g. \"website\".");
        }

        var key = service.CreateWriteKey(ws.Workspace, body.Name);
        return TypedResults.Created(ws.ApiPath(FormattableString.Invariant($"write-keys/{key.Id}")), Describe(key));
    }

    private static Results<NoContent, ProblemHttpResult> Revoke(long id, HttpContext http, IAccountStore accounts)
    {
        var ws = http.GetWorkspace();
        return accounts.RevokeWriteKey(ws.Workspace, id)
            ? TypedResults.NoContent()
            : Problems.NotFound($"Workspace '{ws.Workspace.Name}' has no write key {id}.");
    }

    private static WriteKeyResponse Describe(WriteKey k) => new(k.Id, k.Name, k.Key, k.CreatedAt, k.RevokedAt);
}
