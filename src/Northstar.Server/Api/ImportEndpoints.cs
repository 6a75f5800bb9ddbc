using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Northstar.Core.Accounts;
using Northstar.Core.Import;
using Northstar.Core.Storage;
using Northstar.Server.Hosting;

namespace Northstar.Server.Api;

/// <summary>
/// <c>imports</c>: CSV uploads with the CLI's bad-row report, and the import log. The body is
/// streamed to a temporary file (never held in memory) and imported from there, as the CLI
/// imports a file: all or nothing, or the good rows with <c>skipBadRows=true</c>.
/// </summary>
internal static class ImportEndpoints
{
    /// <summary>The largest upload accepted: 4 GiB (Kestrel's default of 30 MB is lifted for this route).</summary>
    public const long MaxUploadBytes = 4L << 30;

    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("imports/{kind}", Upload)
            .WithName("UploadImport")
            .WithSummary("Import a CSV (editor): the body as text/csv, or a multipart/form-data file. kind: events, contacts, deals, spend, ... (as northstar import); "
                + "skipBadRows: store the good rows and list the rejects (default false: any bad row and nothing is stored); timeZone: IANA zone for timestamps without an offset; "
                + "channel: ad-cost presets' channel; fileName: the name errors and the log use (text/csv bodies). 200 with the result, 422 problem (errors listed) when nothing was stored.")
            .Accepts<string>("text/csv", "multipart/form-data")
            .Produces<ImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .RequiresRole(WorkspaceRole.Editor);
        api.MapGet("imports", List)
            .WithName("ListImports").WithSummary("The workspace's imports (CLI and uploads), newest first, each with its bad-row report (at most 1,000 errors kept). limit: default 100.")
            .Produces<IReadOnlyList<ImportLogEntry>>();
    }

    private static IResult List(int? limit, HttpContext http, IImportLog log) =>
        limit is < 1 or > 10_000
            ? ApiProblems.BadParameter("limit", $"{limit}: from 1 to 10000")
            : ApiJson.Ok(log.ListImports(http.GetWorkspace().Workspace, limit ?? 100));

    private static async Task<IResult> Upload(
        string kind, bool? skipBadRows, string? timeZone, string? channel, string? fileName,
        HttpContext http, IFactStore store, IImportLog log, IAccountStore accounts, TimeProvider time)
    {
        if (!ImportFormats.TryParse(kind, out var format))
        {
            return ApiProblems.BadParameter("kind", $"'{kind}' is not an import kind (accepted: {string.Join(", ", ImportFormats.Names)})");
        }

        var context = http.GetWorkspace();
        var started = time.GetUtcNow();
        var directory = Directory.CreateTempSubdirectory("northstar-upload-");
        try
        {
            var path = Path.Combine(directory.FullName, "upload.csv");
            var uploaded = await Receive(http.Request, path, http.RequestAborted).ConfigureAwait(false);
            if (uploaded.Problem is not null)
            {
                return uploaded.Problem;
            }

            var name = SafeName(fileName ?? uploaded.FileName ?? $"{kind}.csv");
            var options = new ImportOptions
            {
                SkipBadRows = skipBadRows == true,
                RejectsPath = Path.Combine(directory.FullName, "rejects.csv"),
                TimeZone = timeZone,
                Channel = channel,
            };
            var result = new CsvImporter(store).Import(context.Workspace, format, path, options, progress: null, http.RequestAborted);
            var entry = ImportLogEntry.From(result, name, accounts.GetUser(context.UserId)?.Name, started, time.GetUtcNow());
            var id = log.RecordImport(context.Workspace, entry);
            var response = ImportResponse.From(entry with { Id = id }, result.Committed);
            return result.Committed ? ApiJson.Ok(response) : Refused(response);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>422: nothing was stored; every error (file, line, column, reason) in <c>errors</c>.</summary>
    private static IResult Refused(ImportResponse response) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "File refused",
            detail: $"{response.File}: nothing imported ({response.ErrorCount} error(s)); fix the file or upload with skipBadRows=true.",
            extensions: new Dictionary<string, object?>
            {
                ["import_id"] = response.ImportId,
                ["rows_read"] = response.RowsRead,
                ["error_count"] = response.ErrorCount,
                ["errors"] = response.Errors.Select(e => new Dictionary<string, object?> { ["file"] = e.File, ["line"] = e.Line, ["column"] = e.Column, ["reason"] = e.Reason }).ToList(),
            });

    /// <summary>Streams the body (text/csv) or the first file of a multipart form to <paramref name="path"/>.</summary>
    private static async Task<(string? FileName, IResult? Problem)> Receive(HttpRequest request, string path, CancellationToken ct)
    {
        var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (target.ConfigureAwait(false))
        {
            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                await request.Body.CopyToAsync(target, ct).ConfigureAwait(false);
                return (null, null);
            }

            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                return (null, ApiProblems.BadParameter("body", "a multipart/form-data body without a boundary"));
            }

            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct).ConfigureAwait(false) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                {
                    await section.Body.CopyToAsync(target, ct).ConfigureAwait(false);
                    return (HeaderUtilities.RemoveQuotes(disposition.FileName).Value, null);
                }
            }

            return (null, ApiProblems.BadParameter("body", "the multipart/form-data body has no file part"));
        }
    }

    /// <summary>The name without any directory a client may have sent.</summary>
    private static string SafeName(string name) => Path.GetFileName(name.Replace('\\', '/')) is { Length: > 0 } file ? file : "upload.csv";
}
