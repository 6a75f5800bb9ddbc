using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Northstar.Core.Storage;

namespace Northstar.Server.Hosting;

/// <summary>
/// A database server that is down or restarting (<see cref="StoreTransientException"/>) is a 503
/// with <c>Retry-After</c> on every route, never a 500: the request's write was not completed
/// (rolled back on SQLite and PostgreSQL; a ClickHouse commit cut short may keep part of it, which
/// the same request sent again completes, writes being idempotent), the caller sends it again, and
/// the store reconnects by itself on a later request.
/// </summary>
public sealed class StoreDownHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Seconds a caller is asked to wait before sending again.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not StoreTransientException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = exception.Message,
            },
        }).ConfigureAwait(false);
    }
}
