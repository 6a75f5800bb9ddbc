using Northstar.Core.Import;

namespace Northstar.Server.Api;

/// <summary>The answer of an upload that was stored (<c>POST imports/{kind}</c>): the log entry's numbers and the rejected rows' errors.</summary>
/// <param name="ImportId">The import log's id of this upload.</param>
/// <param name="File">The file's name.</param>
/// <param name="Format">The import kind.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsStored">Rows whose facts were committed.</param>
/// <param name="RowsRejected">Rows with at least one error (not stored).</param>
/// <param name="ErrorCount">Every error found.</param>
/// <param name="Committed">Whether the store now holds the file's good rows.</param>
/// <param name="Outcome">imported, imported_with_rejects or refused.</param>
/// <param name="Errors">The errors (file, line, column, reason), at most 1,000.</param>
public sealed record ImportResponse(
    long ImportId, string File, string Format, long RowsRead, long RowsStored, long RowsRejected, long ErrorCount, bool Committed, string Outcome, IReadOnlyList<ImportError> Errors)
{
    /// <summary>The response of a recorded log entry.</summary>
    public static ImportResponse From(ImportLogEntry entry, bool committed)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.FileName, entry.Kind, entry.RowsRead, entry.RowsImported, entry.RowsRejected, entry.ErrorCount, committed, entry.Outcome, entry.Errors);
    }
}
