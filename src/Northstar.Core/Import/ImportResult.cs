namespace Northstar.Core.Import;

/// <summary>What an import of one file did.</summary>
/// <param name="File">The input path as given.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="RowsRead">Data rows read (the header and skipped report lines not counted).</param>
/// <param name="RowsStored">Rows whose facts were committed (0 when nothing was committed).</param>
/// <param name="RowsRejected">Rows with at least one error.</param>
/// <param name="Errors">The errors, in the order found, at most <see cref="ImportOptions.MaxErrorsKept"/>.</param>
/// <param name="ErrorCount">Every error found, including those not kept.</param>
/// <param name="Committed">Whether the store now holds this file's good rows.</param>
/// <param name="RejectsPath">The rejects file written (with <see cref="ImportOptions.SkipBadRows"/> and at least one rejected row), else null.</param>
public sealed record ImportResult(
    string File,
    ImportFormat Format,
    long RowsRead,
    long RowsStored,
    long RowsRejected,
    IReadOnlyList<ImportError> Errors,
    long ErrorCount,
    bool Committed,
    string? RejectsPath)
{
    /// <summary>True when the file was committed without a single error.</summary>
    public bool Succeeded => Committed && ErrorCount == 0;
}
