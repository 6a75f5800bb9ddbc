using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Core.Storage;

namespace Northstar.Core.Export;

/// <summary>
/// Writes facts as canonical CSV files (IMPORT.md), one per kind, named by
/// <see cref="CanonicalLayout.FileName"/>, with the canonical header; every kind gets its file,
/// header-only when no fact of it came; UTF-8 without BOM, rows end with LF. Files are written as
/// <c>*.csv.partial</c> and renamed on
/// <see cref="Complete"/>, so a run that fails leaves no file that looks finished.
/// Only canonical columns are written: a fact carrying extra <see cref="IFact.Properties"/> is
/// rejected rather than silently losing them.
/// </summary>
public sealed class CsvFactSink : IFactSink
{
    private const string PartialSuffix = ".partial";
    private readonly string _directory;
    private readonly Utf8CsvWriter[] _writers;
    private bool _completed;

    /// <summary>Creates the directory if needed and opens one file per kind.</summary>
    /// <param name="directory">Where the files go; existing files of the same names are replaced on completion.</param>
    /// <param name="bufferBytesPerKind">Write buffer of each file; events get four times as much.</param>
    public CsvFactSink(string directory, int bufferBytesPerKind = 256 * 1024)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        var kinds = Enum.GetValues<FactKind>();
        _writers = new Utf8CsvWriter[kinds.Length];
        foreach (var kind in kinds)
        {
            var buffer = kind == FactKind.Events ? bufferBytesPerKind * 4 : bufferBytesPerKind;
            var stream = new FileStream(PartialPath(kind), FileMode.Create, FileAccess.Write, FileShare.Read, 1);
            var writer = new Utf8CsvWriter(stream, buffer);
            writer.Header(CanonicalLayout.Columns(kind));
            _writers[(int)kind] = writer;
        }
    }

    /// <summary>The directory the files are written to.</summary>
    public string OutputDirectory => _directory;

    /// <inheritdoc />
    public void Add<TFact>(TFact fact)
        where TFact : class, IFact
    {
        ArgumentNullException.ThrowIfNull(fact);
        ObjectDisposedException.ThrowIf(_completed, this);
        if (fact.Properties.Count != 0)
        {
            throw new ArgumentException("CsvFactSink writes the canonical columns only; this fact has extra properties.", nameof(fact));
        }

        switch (fact)
        {
            case EventFact e: CsvRows.Write(_writers[(int)FactKind.Events], e); break;
            case StageChange s: CsvRows.Write(_writers[(int)FactKind.Stages], s); break;
            case Contact c: CsvRows.Write(_writers[(int)FactKind.Contacts], c); break;
            case Activity a: CsvRows.Write(_writers[(int)FactKind.Activities], a); break;
            case Deal d: CsvRows.Write(_writers[(int)FactKind.Deals], d); break;
            case Account a: CsvRows.Write(_writers[(int)FactKind.Accounts], a); break;
            case Spend s: CsvRows.Write(_writers[(int)FactKind.Spend], s); break;
            case SeriesPoint s: CsvRows.Write(_writers[(int)FactKind.Series], s); break;
            case Subscription s: CsvRows.Write(_writers[(int)FactKind.Subscriptions], s); break;
            case SurveyAnswer s: CsvRows.Write(_writers[(int)FactKind.Surveys], s); break;
            default: throw new ArgumentException($"{fact.GetType().Name} is not a fact type.", nameof(fact));
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        foreach (var writer in _writers)
        {
            writer.Flush();
            writer.Dispose();
        }

        foreach (var kind in Enum.GetValues<FactKind>())
        {
            File.Move(PartialPath(kind), Path.Combine(_directory, CanonicalLayout.FileName(kind)), overwrite: true);
        }

        _completed = true;
    }

    /// <summary>Closes the files; without <see cref="Complete"/> the partial files are deleted.</summary>
    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        foreach (var writer in _writers)
        {
            writer.Dispose();
        }

        foreach (var kind in Enum.GetValues<FactKind>())
        {
            File.Delete(PartialPath(kind));
        }
    }

    private string PartialPath(FactKind kind) => Path.Combine(_directory, CanonicalLayout.FileName(kind) + PartialSuffix);
}
