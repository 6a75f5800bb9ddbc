using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Northstar.Server.Tracking;

/// <summary>
/// Reads a tracking request's body into memory, never more than the limit: a plain body is cut
/// off at limit + 1 bytes, a gzip body is inflated in steps and stopped as soon as the inflated
/// bytes pass the limit (a gzip bomb never gets the chance to fill the memory).
/// </summary>
internal static class RequestBody
{
    /// <summary>The body, or the failure: 413 too large, 400 bad gzip, 415 an encoding other than gzip.</summary>
    public static async Task<BodyResult> ReadAsync(HttpRequest request, int limit, CancellationToken cancel)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return BodyResult.Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported content encoding",
                $"Content-Encoding '{encoding}' is not supported; send gzip or no encoding.");
        }

        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        try
        {
            return gzip
                ? await ReadLimitedAsync(new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true), limit, cancel).ConfigureAwait(false)
                : await ReadLimitedAsync(request.Body, limit, cancel).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return BodyResult.Fail(StatusCodes.Status400BadRequest, "Bad gzip body", "The body is not valid gzip data.");
        }
    }

    private static async Task<BodyResult> ReadLimitedAsync(Stream source, int limit, CancellationToken cancel)
    {
        await using (source.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 64 * 1024));
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > limit)
                        {
                            return TooLarge(limit);
                        }

                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = await source.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancel).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > limit)
                    {
                        return TooLarge(limit);
                    }
                }

                return BodyResult.Ok(buffer.AsSpan(0, length).ToArray());
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static BodyResult TooLarge(int limit) => BodyResult.Fail(StatusCodes.Status413PayloadTooLarge, "Request too large",
        $"The request body is over {limit / 1024} KB (after gzip inflation); send smaller batches.");
}

/// <summary>A read body, or the status and problem that refuse it.</summary>
internal sealed record BodyResult(byte[]? Body, int Status, string? Title, string? Detail)
{
    public static BodyResult Ok(byte[] body) => new(body, StatusCodes.Status200OK, null, null);

    public static BodyResult Fail(int status, string title, string detail) => new(null, status, title, detail);
}
