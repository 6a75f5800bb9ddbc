using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary>
/// The JSON API (<c>/api/workspaces/{workspace}/*</c>) over everything the CLI can do, and its
/// OpenAPI description (<c>/openapi/v1.json</c>). Answers are the CLI's <c>--format json</c>
/// (snake_case); errors are RFC 7807 problem details naming the parameter at fault.
/// </summary>
public static class ApiModule
{
    public static void AddNorthstarApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(options => options.AddSchemaTransformer<SnakeCaseSchemas>().AddDocumentTransformer<SnakeCaseSchemas>());
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
    }

    public static void MapNorthstarApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        var api = app.MapWorkspaceApi();
        api.MapGroup("").WithTags("KPIs").MapKpiEndpoints();
        api.MapGroup("").WithTags("Custom KPIs").MapCustomKpiEndpoints();
        api.MapGroup("").WithTags("Settings").MapSettingsEndpoints();
        api.MapGroup("").WithTags("Goals").MapGoalEndpoints();
        api.MapGroup("").WithTags("Plans").MapPlanEndpoints();
        api.MapGroup("").WithTags("Reports").MapReportEndpoints();
        api.MapGroup("").WithTags("Attribution").MapAttributionEndpoints();
        api.MapGroup("").WithTags("Imports").MapImportEndpoints();
        api.MapGroup("").WithTags("Channels").MapChannelEndpoints();
        api.MapGroup("").WithTags("Facts").MapFactEndpoints();
        api.MapGroup("").WithTags("Attribution").MapPathTableEndpoints();
    }
}
