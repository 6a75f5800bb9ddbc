using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;

namespace Northstar.Server.Hosting;

/// <summary>The role an endpoint needs in its workspace (endpoint metadata; Viewer when absent).</summary>
public sealed record WorkspaceRoleRequirement(WorkspaceRole Role);

/// <summary>
/// Resolves the route's <c>{workspace}</c> for the signed-in caller before the handler runs:
/// 404 (problem details) when the caller cannot see it, 403 when its role is too low.
/// </summary>
public sealed class WorkspaceFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var name = http.GetRouteValue(WorkspaceAccess.RouteKey) as string;
        if (WorkspaceAccess.Resolve(http, name) is not { } workspace)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "No such workspace",
                detail: $"There is no workspace '{name}' that you can see.");
        }

        var needed = http.GetEndpoint()?.Metadata.GetMetadata<WorkspaceRoleRequirement>()?.Role ?? WorkspaceRole.Viewer;
        if (workspace.Role < needed)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: $"This needs the {SnakeCaseNames<WorkspaceRole>.Name(needed)} role in workspace '{workspace.Workspace.Name}'; you are {SnakeCaseNames<WorkspaceRole>.Name(workspace.Role)}.");
        }

        WorkspaceAccess.SetWorkspace(http, workspace);
        return await next(context).ConfigureAwait(false);
    }
}

/// <summary>Route group helpers for workspace-scoped endpoints.</summary>
public static class WorkspaceEndpoints
{
    /// <summary>
    /// The group <c>/api/workspaces/{workspace}</c>: signed-in callers only (cookie or API token),
    /// the workspace resolved by <see cref="WorkspaceFilter"/>.
    /// </summary>
    public static RouteGroupBuilder MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/workspaces/{" + WorkspaceAccess.RouteKey + "}");
        group.RequireAuthorization();
        group.AddEndpointFilter<WorkspaceFilter>();
        return group;
    }

    /// <summary>This endpoint needs at least <paramref name="role"/> in its workspace.</summary>
    public static TBuilder RequiresRole<TBuilder>(this TBuilder builder, WorkspaceRole role)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new WorkspaceRoleRequirement(role));
        return builder;
    }
}
