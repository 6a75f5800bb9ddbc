using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Import;

/// <summary>
/// Imports CSV files (IMPORT.md) into a store, one write session per file: either the whole
/// file is committed or, on any bad row, nothing (the result lists every error); with
/// <see cref="ImportOptions.SkipBadRows"/> the good rows are committed and the bad ones written
/// to a rejects file. Parsing runs on the calling thread and writing on a second one.
/// </summary>
public sealed class CsvImporter
{
    private readonly IFactStore _store;

    public CsvImporter(IFactStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>
    /// Imports one file. Expected problems (bad rows, a missing column, a non-text file) come
    /// back in the result; only I/O and store failures throw, and cancellation throws
    /// <see cref="OperationCanceledException"/>, in both cases leaving the store unchanged.
    /// </summary>
    public ImportResult Import(
        Workspace workspace,
        ImportFormat format,
        string path,
        ImportOptions? options = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new ImportRun(_store, workspace, format, path, options ?? ImportOptions.Default).Execute(progress, ct);
    }
}
