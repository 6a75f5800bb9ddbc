using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Northstar.Core.Metrics;

namespace Northstar.Server.Api;

/// <summary>
/// Bad input that reaches a Core service as an exception becomes a 400 problem, never a 500:
/// a query the metrics cannot answer (<see cref="MetricQueryException"/>), an argument a
/// service refuses (<see cref="ArgumentException"/>, e.g. a forecast of an average), a request
/// the server could not read (<see cref="BadHttpRequestException"/>: its own status, e.g. 413).
/// A saved custom KPI whose formula no longer reads (a measure renamed) is a 409 saying which,
/// so it can be removed with <c>DELETE custom-kpis/{id}</c> (which does not load it).
/// Only for <c>/api</c> routes; anything else is left to the default handler.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
            MetricQueryException => (StatusCodes.Status400BadRequest, "Bad query"),
            ArgumentException => (StatusCodes.Status400BadRequest, "Bad request"),
            BrokenCustomKpiException => (StatusCodes.Status409Conflict, "Broken custom KPI"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status409Conflict ? exception.Message + " (DELETE custom-kpis/{id} removes it)." : exception.Message,
            },
        }).ConfigureAwait(false);
    }
}
