using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Accounts;
using Northstar.Server.Accounts.Contracts;
using Northstar.Server.Hosting;

namespace Northstar.Server.Accounts;

/// <summary>
/// API tokens (<c>/api/workspaces/{workspace}/tokens</c>): every member manages its own; an
/// admin sees and deletes everyone's in the workspace.
/// </summary>
internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/tokens", List)
            .WithName("ListTokens").WithSummary("Your API tokens in the workspace (an admin sees every member's). Never the secrets.");
        workspace.MapPost("/tokens", Create)
            .WithName("CreateToken").WithSummary("A new API token acting as you in this workspace, at most with your role; the secret is in this answer only.");
        workspace.MapDelete("/tokens/{id:long}", Delete)
            .WithName("DeleteToken").WithSummary("Delete one of your tokens (an admin: anyone's in the workspace).");
    }

    private static Ok<List<TokenResponse>> List(HttpContext http, IAccountStore accounts)
    {
        var ws = http.GetWorkspace();
        var names = accounts.ListMembers(ws.Workspace).ToDictionary(m => m.User.Id, m => m.User.Name);
        return TypedResults.Ok(accounts.ListApiTokens(ws.Workspace)
            .Where(t => ws.Role == WorkspaceRole.Admin || t.UserId == ws.UserId)
            .Select(t => Describe(t, names.GetValueOrDefault(t.UserId, "?")))
            .ToList());
    }

    private static Results<Created<TokenResponse>, ProblemHttpResult> Create(TokenRequest body, HttpContext http, AccountService service)
    {
        var ws = http.GetWorkspace();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            return Problems.BadRequest("A token needs a name (up to 100 characters) to tell it apart.");
        }

        var role = ws.Role;
        if (body.Role is not null)
        {
            if (Roles.Parse(body.Role) is not { } asked)
            {
                return Problems.BadRequest(Problems.RoleProblem(body.Role));
            }

            if (asked > ws.Role)
            {
                return Problems.Forbidden($"A token cannot have more than your role ({Roles.Name(ws.Role)}).");
            }

            role = asked;
        }

        var (token, secret) = service.CreateApiToken(ws.UserId, ws.Workspace, body.Name, role);
        return TypedResults.Created(ws.ApiPath(FormattableString.Invariant($"tokens/{token.Id}")), Describe(token, http.User.Identity?.Name ?? "?") with { Secret = secret });
    }

    private static Results<NoContent, ProblemHttpResult> Delete(long id, HttpContext http, IAccountStore accounts)
    {
        var ws = http.GetWorkspace();
        var token = accounts.ListApiTokens(ws.Workspace).FirstOrDefault(t => t.Id == id);
        if (token is null || (ws.Role < WorkspaceRole.Admin && token.UserId != ws.UserId))
        {
            return Problems.NotFound($"You have no API token {id} in workspace '{ws.Workspace.Name}'.");
        }

        accounts.DeleteApiToken(ws.Workspace, id);
        return TypedResults.NoContent();
    }

    private static TokenResponse Describe(ApiToken t, string user) =>
        new(t.Id, t.Name, t.Prefix, Roles.Name(t.Role), user, t.CreatedAt);
}
