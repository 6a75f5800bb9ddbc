using System.Runtime.CompilerServices;
using Northstar.Core.Channels;
using Northstar.Core.Import.Csv;
using Northstar.Core.Import.Mapping;
using Northstar.Core.Import.Pipeline;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Import;

/// <summary>The state of one file's import: parse on the calling thread, store on the writer's.</summary>
internal sealed class ImportRun(IFactStore store, Workspace workspace, ImportFormat format, string path, ImportOptions options)
{
    private const int ProgressEvery = 65_536;
    private readonly string _file = Path.GetFileName(path);
    private readonly List<ImportError> _errors = [];
    private readonly SortedDictionary<int, string> _rejected = [];
    private long _errorCount;
    private long _rejectedRows;
    private long _rowsRead;
    private bool _fileError;
    private int _headerLine;

    public ImportResult Execute(IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var info = new FileInfo(path);
        var zone = ResolveZone();
        var failure = !info.Exists ? "file not found"
            : info.Length == 0 ? "the file is empty (0 bytes)"
            : zone is null ? $"unknown time zone '{options.TimeZone ?? workspace.TimeZone}' (expected an IANA name like Europe/Berlin)"
            : null;
        if (failure is not null)
        {
            AddFileError(failure, line: 0);
            return Result(committed: false);
        }

        var skipLines = RowMappers.LinesBeforeHeader(format, path);
        using var reader = new Utf8CsvReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
        reader.DetectDelimiter(skipLines);
        StoreWriter? writer = null;
        var columns = ReadHeader(reader);
        var mapper = columns is null ? null : CreateMapper(columns, batch => writer!.Send(batch));
        if (columns is null || mapper is null)
        {
            return Result(committed: false);
        }

        bool committed;
        using (writer = new StoreWriter(store, workspace, options.SkipBadRows))
        {
            var row = new RowContext(reader, columns, zone!);
            row.SealColumns();
            ReadRows(reader, mapper, row, info.Length, progress, ct);
            mapper.Flush();
            progress?.Report(new ImportProgress(reader.BytesConsumed, info.Length, _rowsRead));
            if (_rowsRead == 0 && !_fileError)
            {
                AddFileError("no data rows (the file has a header only)", line: 0);
            }

            writer.Finish(commitAllowed: !_fileError && (options.SkipBadRows || _errorCount == 0));
            committed = writer.Committed;
            AddConflicts(writer.Conflicts);
        }

        return Finish(committed, skipLines);
    }

    /// <summary>The format's mapper over these columns, or null (with file errors) when required columns are missing.</summary>
    private RowMapper? CreateMapper(ColumnSet columns, Action<FactBatch> send)
    {
        var grouping = new ChannelGrouping(store.GetChannelRules(workspace));
        var mapper = RowMappers.Create(format, new MapperSetup(columns, grouping, options, Math.Max(1, options.BatchSize), send));
        foreach (var missing in mapper.MissingColumns)
        {
            AddFileError($"missing required column '{missing}'", line: _headerLine);
        }

        return mapper.MissingColumns.Count == 0 ? mapper : null;
    }

    private ColumnSet? ReadHeader(Utf8CsvReader reader)
    {
        var result = reader.Read();
        if (result != CsvReadResult.Record)
        {
            AddFileError(result switch
            {
                CsvReadResult.NotText => reader.FileProblem!,
                CsvReadResult.BadRecord => $"the header row is malformed: {reader.RecordProblem}",
                _ => "the file has no header row",
            }, line: 0);
            return null;
        }

        _headerLine = reader.RecordLine;
        var headers = Enumerable.Range(0, reader.FieldCount).Select(reader.FieldString).ToArray();
        var columns = new ColumnSet(headers);
        foreach (var duplicate in columns.Duplicates)
        {
            AddFileError($"column '{duplicate}' appears more than once", line: reader.RecordLine);
        }

        return _fileError ? null : columns;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadRows(Utf8CsvReader reader, RowMapper mapper, RowContext row, long bytesTotal, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var width = row.Columns.Count;
        while (true)
        {
            var result = reader.Read();
            if (result == CsvReadResult.End)
            {
                return;
            }

            if (result == CsvReadResult.NotText)
            {
                AddFileError(reader.FileProblem!, line: reader.RecordLine);
                return;
            }

            row.Reset();
            if (result == CsvReadResult.BadRecord)
            {
                row.Error(-1, reader.RecordProblem!);
            }
            else if (reader.FieldCount != width)
            {
                row.Error(-1, $"the row has {reader.FieldCount} fields but the header has {width}{(reader.FieldCount < width ? " (truncated line?)" : "")}");
            }
            else
            {
                mapper.Map(row);
            }

            if (row.Skipped)
            {
                continue;
            }

            if (++_rowsRead % ProgressEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(reader.BytesConsumed, bytesTotal, _rowsRead));
            }

            if (row.HasErrors)
            {
                Reject(row);
            }
        }
    }

    private void Reject(RowContext row)
    {
        var reasons = new List<string>(row.Errors.Count);
        foreach (var (column, reason) in row.Errors)
        {
            var error = new ImportError(_file, row.Line, column < 0 ? null : row.Columns.Headers[column], reason);
            Add(error);
            reasons.Add(error.Column is null ? reason : $"column '{error.Column}': {reason}");
        }

        _rejectedRows++;
        if (options.SkipBadRows)
        {
            // Only a rejects file needs every reason; otherwise the capped error list says it all.
            _rejected[row.Line] = string.Join("; ", reasons);
        }
    }

    private void AddConflicts(List<(int Line, string Key)> conflicts)
    {
        foreach (var (line, key) in conflicts.OrderBy(c => c.Line))
        {
            var reason = $"duplicate key '{key}': an earlier row of this file has the same key with different values";
            Add(new ImportError(_file, line, null, reason));
            if (!_rejected.TryGetValue(line, out var other))
            {
                _rejectedRows++;
            }

            _rejected[line] = other is null ? reason : $"{other}; {reason}";
        }
    }

    private ImportResult Finish(bool committed, int skipLines)
    {
        string? rejectsPath = null;
        if (committed && options.SkipBadRows && _rejected.Count > 0)
        {
            rejectsPath = options.RejectsPath ?? Path.ChangeExtension(path, ".rejects.csv");
            RejectsFile.Write(path, skipLines, rejectsPath, _rejected);
        }

        // Conflicts arrive last from the writer; order everything by line, keeping each row's errors in column order.
        var byLine = _errors.OrderBy(e => e.Line).ToList();
        _errors.Clear();
        _errors.AddRange(byLine);
        return Result(committed) with { RejectsPath = rejectsPath };
    }

    private TimeZoneInfo? ResolveZone()
    {
        var id = options.TimeZone ?? workspace.TimeZone;
        if (string.IsNullOrEmpty(id) || id == "UTC")
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    private void AddFileError(string reason, int line)
    {
        _fileError = true;
        Add(new ImportError(_file, line, null, reason));
    }

    private void Add(ImportError error)
    {
        _errorCount++;
        if (_errors.Count < options.MaxErrorsKept)
        {
            _errors.Add(error);
        }
    }

    private ImportResult Result(bool committed) => new(
        path,
        format,
        _rowsRead,
        committed ? _rowsRead - _rejectedRows : 0,
        _rejectedRows,
        _errors,
        _errorCount,
        committed,
        null);
}
