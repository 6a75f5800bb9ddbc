using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Accounts;
using Northstar.Server.Accounts.Contracts;
using Northstar.Server.Hosting;

namespace Northstar.Server.Accounts;

/// <summary>The workspace's members (<c>/api/workspaces/{workspace}/users</c>): admins only.</summary>
internal static class MemberEndpoints
{
    public static void MapMemberEndpoints(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/users", List)
            .WithName("ListMembers").WithSummary("The workspace's members with their roles.")
            .RequiresRole(WorkspaceRole.Admin);
        workspace.MapPost("/users", Add)
            .WithName("AddMember")
            .WithSummary("Add a user with a role, creating the user when the name is new (with the password given, or a generated one returned once).")
            .RequiresRole(WorkspaceRole.Admin);
        workspace.MapPut("/users/{name}", ChangeRole)
            .WithName("SetMemberRole").WithSummary("Change a member's role.")
            .RequiresRole(WorkspaceRole.Admin);
        workspace.MapDelete("/users/{name}", Remove)
            .WithName("RemoveMember").WithSummary("Remove a member from the workspace (with the member's API tokens there); the user stays.")
            .RequiresRole(WorkspaceRole.Admin);
    }

    private static Ok<List<MemberResponse>> List(HttpContext http, IAccountStore accounts)
    {
        var ws = http.GetWorkspace();
        return TypedResults.Ok(accounts.ListMembers(ws.Workspace).Select(Describe).ToList());
    }

    private static Results<Created<MemberResponse>, Ok<MemberResponse>, ProblemHttpResult> Add(
        MemberRequest body, HttpContext http, IAccountStore accounts, AccountService service)
    {
        var ws = http.GetWorkspace();
        if (Roles.Parse(body.Role) is not { } role)
        {
            return Problems.BadRequest(Problems.RoleProblem(body.Role));
        }

        if (AccountService.NameProblem(body.Name) is { } nameProblem)
        {
            return Problems.BadRequest(nameProblem);
        }

        if (accounts.FindUser(body.Name!) is { } existing)
        {
            if (body.Password is not null)
            {
                return Problems.Conflict($"There is already a user named '{existing.Name}'; its password is not changed here. Leave the password out to add the user.");
            }

            if (LastAdminProblem(accounts, ws, existing.Name, accounts.GetRole(existing.Id, ws.Workspace.Id), role) is { } lastAdmin)
            {
                return lastAdmin;
            }

            accounts.SetRole(existing.Id, ws.Workspace, role);
            return TypedResults.Ok(Describe(new Membership(existing, ws.Workspace, role)));
        }

        var generated = body.Password is null;
        var password = body.Password ?? AccountService.GeneratePassword();
        if (AccountService.PasswordProblem(password) is { } passwordProblem)
        {
            return Problems.BadRequest(passwordProblem);
        }

        UserAccount user;
        try
        {
            user = service.CreateUser(body.Name!, password);
        }
        catch (InvalidOperationException e)
        {
            return Problems.Conflict(e.Message);
        }

        accounts.SetRole(user.Id, ws.Workspace, role);
        var created = Describe(new Membership(user, ws.Workspace, role)) with { Password = generated ? password : null };
        return TypedResults.Created(ws.ApiPath("users/" + Uri.EscapeDataString(user.Name)), created);
    }

    private static Results<Ok<MemberResponse>, ProblemHttpResult> ChangeRole(string name, RoleRequest body, HttpContext http, IAccountStore accounts)
    {
        var ws = http.GetWorkspace();
        if (Roles.Parse(body.Role) is not { } role)
        {
            return Problems.BadRequest(Problems.RoleProblem(body.Role));
        }

        if (Member(accounts, ws, name) is not { } member)
        {
            return Problems.NotFound($"'{name}' is not a member of workspace '{ws.Workspace.Name}'.");
        }

        if (LastAdminProblem(accounts, ws, member.User.Name, member.Role, role) is { } lastAdmin)
        {
            return lastAdmin;
        }

        accounts.SetRole(member.User.Id, ws.Workspace, role);
        return TypedResults.Ok(Describe(member with { Role = role }));
    }

    private static Results<NoContent, ProblemHttpResult> Remove(string name, HttpContext http, IAccountStore accounts)
    {
        var ws = http.GetWorkspace();
        if (Member(accounts, ws, name) is not { } member)
        {
            return Problems.NotFound($"'{name}' is not a member of workspace '{ws.Workspace.Name}'.");
        }

        if (LastAdminProblem(accounts, ws, member.User.Name, member.Role, newRole: null) is { } lastAdmin)
        {
            return lastAdmin;
        }

        accounts.SetRole(member.User.Id, ws.Workspace, null);
        return TypedResults.NoContent();
    }

    private static Membership? Member(IAccountStore accounts, WorkspaceContext ws, string name) =>
        accounts.FindUser(name) is { } user && accounts.GetRole(user.Id, ws.Workspace.Id) is { } role
            ? new Membership(user, ws.Workspace, role)
            : null;

    // A workspace without an admin could only be repaired from the command line.
    private static ProblemHttpResult? LastAdminProblem(IAccountStore accounts, WorkspaceContext ws, string userName, WorkspaceRole? role, WorkspaceRole? newRole)
    {
        if (newRole == WorkspaceRole.Admin || role != WorkspaceRole.Admin)
        {
            return null;
        }

        var admins = accounts.ListMembers(ws.Workspace).Count(m => m.Role == WorkspaceRole.Admin);
        return admins > 1 ? null : Problems.Conflict($"'{userName}' is the last admin of workspace '{ws.Workspace.Name}'; make someone else admin first.");
    }

    private static MemberResponse Describe(Membership m) => new(m.User.Name, Roles.Name(m.Role), m.User.CreatedAt);
}
