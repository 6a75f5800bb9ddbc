namespace Northstar.Core.Import;

/// <summary>
/// One CSV import as the import log keeps it (CLI or upload): what was read, what was kept, the
/// bad-row report (at most <see cref="MaxErrorsKept"/> errors; <see cref="ErrorCount"/> counts all).
/// </summary>
/// <param name="Id">The log's id (0 before it is recorded).</param>
/// <param name="Kind">The import format's name (<c>events</c>, <c>contacts</c>, <c>google-ads</c>, ...).</param>
/// <param name="FileName">The file's name, without a directory.</param>
/// <param name="UserName">Who imported it (the signed-in user; the OS user for the CLI), or null.</param>
/// <param name="StartedAt">When the import started (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC).</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsImported">Rows whose facts were committed.</param>
/// <param name="RowsRejected">Rows with at least one error.</param>
/// <param name="Outcome">One of <see cref="Imported"/>, <see cref="ImportedWithRejects"/>, <see cref="Refused"/>.</param>
/// <param name="ErrorCount">Every error found, including those not kept.</param>
/// <param name="Errors">The errors kept, in the order found.</param>
public sealed record ImportLogEntry(
    long Id,
    string Kind,
    string FileName,
    string? UserName,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    long RowsRead,
    long RowsImported,
    long RowsRejected,
    string Outcome,
    long ErrorCount,
    IReadOnlyList<ImportError> Errors)
{
    /// <summary>Every row committed, no error.</summary>
    public const string Imported = "imported";

    /// <summary>The good rows committed, the bad ones rejected (skip bad rows).</summary>
    public const string ImportedWithRejects = "imported_with_rejects";

    /// <summary>Nothing committed.</summary>
    public const string Refused = "refused";

    /// <summary>How many errors a log entry keeps.</summary>
    public const int MaxErrorsKept = 1_000;

    /// <summary>The entry of one import's result; <paramref name="fileName"/> names the file as the user knows it (an upload's own name).</summary>
    public static ImportLogEntry From(ImportResult result, string fileName, string? userName, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(fileName);
        var outcome = !result.Committed ? Refused : result.ErrorCount == 0 ? Imported : ImportedWithRejects;
        var errors = result.Errors.Take(MaxErrorsKept).Select(e => e with { File = fileName }).ToList();
        return new ImportLogEntry(
            0, ImportFormats.Name(result.Format), fileName, userName, startedAt, finishedAt,
            result.RowsRead, result.RowsStored, result.RowsRejected, outcome, result.ErrorCount, errors);
    }
}
