using System.Text;
using Northstar.Core.Import;
using Northstar.Core.Workspaces;
using Northstar.Testing;

namespace Northstar.Core.Tests.Import;

/// <summary>A temp directory, an in-memory store with workspace "acme", and the importer over them.</summary>
internal sealed class ImportFixture : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("northstar-import-tests-");

    public InMemoryFactStore Store { get; } = new();

    public Workspace Workspace { get; private set; }

    public ImportFixture() => Workspace = Store.GetOrCreateWorkspace("acme");

    public string Folder => _dir.FullName;

    /// <summary>Gives the workspace a time zone for timestamps without an offset.</summary>
    public void UseTimeZone(string zone) => Workspace = Store.SetTimeZone("acme", zone);

    /// <summary>Writes a file as UTF-8 without BOM; "\n" line ends as written in the text.</summary>
    public string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public ImportResult Import(ImportFormat format, string name, string text, ImportOptions? options = null) =>
        Import(format, Write(name, text), options);

    public ImportResult Import(ImportFormat format, string path, ImportOptions? options = null) =>
        new CsvImporter(Store).Import(Workspace, format, path, options ?? ImportOptions.Default);

    public List<TFact> Read<TFact>()
        where TFact : class, Core.Facts.IFact => [.. Store.Read<TFact>(Workspace)];

    public void Dispose() => _dir.Delete(recursive: true);
}
