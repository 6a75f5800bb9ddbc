using Microsoft.AspNetCore.Http;
using Northstar.Core.Accounts;
using Northstar.Core.Storage;

namespace Northstar.Server.Tracking;

/// <summary>
/// One tracking request, start to end: the write key (Basic header or <c>writeKey</c> in the
/// body), the rate limit, the body within its limit, the calls checked one by one, then the
/// group commit; 200 only once the good calls are committed. Failures are problem details:
/// 400 bad JSON or batch too long, 401 missing, unknown or revoked key, 413 body too large,
/// 429 rate limit (Retry-After), 503 the journal failed or holds too much not yet merged (Retry-After).
/// </summary>
internal sealed class TrackingHandler(
    IAccountStore accounts, IngestWriter writer, WriteKeyRateLimiter limiter, ServerOptions server)
{
    private readonly SegmentParser _parser = new(server.Tracking);

    public async Task HandleAsync(HttpContext http, SegmentCall? call)
    {
        var result = await RunAsync(http, call).ConfigureAwait(false);
        await result.ExecuteAsync(http).ConfigureAwait(false);
    }

    private async Task<IResult> RunAsync(HttpContext http, SegmentCall? call)
    {
        var receivedAt = server.Time.GetUtcNow();
        WriteKey? key = null;
        if (WriteKeys.FromHeader(http.Request) is { } headerKey)
        {
            if (Check(headerKey, out key) is { } denied)
            {
                return denied;
            }
        }

        var limit = call is null ? server.Tracking.MaxRequestBytes : server.Tracking.MaxEventBytes;
        var body = await RequestBody.ReadAsync(http.Request, limit, http.RequestAborted).ConfigureAwait(false);
        if (body.Body is null)
        {
            return Results.Problem(statusCode: body.Status, title: body.Title, detail: body.Detail);
        }

        var parsed = _parser.Check(body.Body, call, receivedAt);
        if (key is null)
        {
            if (parsed.WriteKey is null)
            {
                return Unauthorized("No write key: send it as the HTTP Basic user name or as \"writeKey\" in the body.");
            }

            if (Check(parsed.WriteKey, out key) is { } denied)
            {
                return denied;
            }
        }

        if (parsed.Failure is not null)
        {
            return BadRequest(parsed.Failure);
        }

        if (call is not null && parsed.Errors.Count > 0)
        {
            return BadRequest(parsed.Errors[0].Reason);
        }

        if (parsed.Accepted > 0)
        {
            if (writer.Backlog >= server.Tracking.MaxJournalBacklog)
            {
                return new Busy();
            }

            try
            {
                // The key carries its workspace's id (keys are made for an existing workspace, workspaces are
                // never deleted); the merge looks workspaces up, and drops entries of a missing one (log 6003).
                await writer.WriteAsync(new JournalEntry(key!.WorkspaceId, call, receivedAt, body.Body), http.RequestAborted).ConfigureAwait(false);
            }
            catch (StoreUnavailableException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not stored", detail: e.Message + " Send the events again.");
            }
        }

        return TypedResults.Ok(new TrackingResponse(
            true, parsed.Accepted, parsed.Errors.Count, parsed.FutureTimestamps, parsed.InvalidTimestamps, parsed.Errors));
    }

    /// <summary>Null when the key may write now; else the 401 or 429 answer.</summary>
    private IResult? Check(string key, out WriteKey? found)
    {
        found = accounts.FindWriteKey(key);
        if (found is null || found.RevokedAt is not null)
        {
            return Unauthorized(found is null ? "Unknown write key." : "This write key has been revoked.");
        }

        if (!limiter.TryAcquire(found.Id, out var retryAfter))
        {
            return new RateLimited(retryAfter);
        }

        return null;
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad tracking request", detail: detail);

    private static IResult Unauthorized(string detail) => new Denied(detail);

    private sealed class Denied(string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"northstar tracking\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authorized", detail: detail).ExecuteAsync(httpContext);
        }
    }

    private sealed class Busy : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "1";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy",
                detail: "The store is behind on merging tracked events; send them again shortly.").ExecuteAsync(httpContext);
        }
    }

    private sealed class RateLimited(int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This write key is over its rate limit; retry after {retryAfterSeconds} s.").ExecuteAsync(httpContext);
        }
    }
}

/// <summary>The 200 answer: Segment's <c>success</c>, then what was stored and what was not, and why.</summary>
internal sealed record TrackingResponse(
    bool Success, int Accepted, int Rejected, int FutureTimestamps, int InvalidTimestamps, IReadOnlyList<TrackingError> Errors);
