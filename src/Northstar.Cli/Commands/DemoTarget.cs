using Northstar.Core.Export;
using Northstar.Core.Metrics;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;

namespace Northstar.Cli.Commands;

/// <summary>Where <c>northstar demo</c> writes: a store's workspace, or a directory of canonical CSV files.</summary>
internal sealed class DemoTarget
{
    private readonly string? _db;
    private readonly string? _workspace;
    private readonly string? _csvDirectory;

    private DemoTarget(string? db, string? workspace, string? csvDirectory) =>
        (_db, _workspace, _csvDirectory) = (db, workspace, csvDirectory);

    public static DemoTarget Store(string db, string workspace) => new(db, workspace, null);

    public static DemoTarget Csv(string directory) => new(null, null, Path.GetFullPath(directory));

    public string Description => _csvDirectory is not null ? $"CSV files in {_csvDirectory}" : $"workspace '{_workspace}' of {Storage.StoreLocation.Parse(_db!)}";

    /// <summary>
    /// Opens the sink, or prints why not and returns null: a workspace that already holds facts
    /// is not mixed with a new company; with <paramref name="replace"/> its facts are deleted first.
    /// </summary>
    public Opened? Open(CliContext context, bool replace)
    {
        if (_csvDirectory is not null)
        {
            return new Opened(new CsvFactSink(_csvDirectory), null, null);
        }

        var store = StoreAccess.Open(_db!);
        var workspace = store.GetOrCreateWorkspace(_workspace!);
        if (store.Summarize(workspace).Kinds.Any(k => k.Count > 0))
        {
            if (!replace)
            {
                context.Error.WriteLine($"error: workspace '{workspace.Name}' of {Storage.StoreLocation.Parse(_db!)} already holds facts; the demo company is not mixed into them. Use --replace to delete them first, or another --workspace or --db.");
                store.Dispose();
                return null;
            }

            store.ClearFacts(workspace);
            context.Error.WriteLine($"demo: deleted the facts of workspace '{workspace.Name}' (--replace).");
        }

        return new Opened(new StoreFactSink(store, workspace), store, workspace);
    }

    /// <summary>Writes the ground truth beside the data; returns its path.</summary>
    public string SaveTruth(GroundTruth truth)
    {
        if (_csvDirectory is not null)
        {
            return GroundTruthJson.Save(truth, _csvDirectory);
        }

        // One truth per workspace: two demo companies in one database must not share a file. A
        // server store's truth goes in the working directory, under a name made from its location.
        var workspace = _workspace == Core.Workspaces.Workspace.DefaultName ? "" : "." + _workspace;
        var path = Path.ChangeExtension(Storage.StoreLocation.Parse(_db!).LocalFileBase(Environment.CurrentDirectory), null) + workspace + "." + GroundTruthJson.FileName;
        File.WriteAllText(path, GroundTruthJson.Serialize(truth));
        return path;
    }

    /// <summary>An open target: the sink and, for a store, the store to summarise.</summary>
    internal sealed class Opened(IFactSink sink, IFactStore? store, Core.Workspaces.Workspace? workspace) : IDisposable
    {
        public IFactSink Sink { get; } = sink;

        public FactSummary? Summarize() => store is null ? null : store.Summarize(workspace!);

        /// <summary>Names the demo company's own brand in the workspace's settings (share of voice needs it), unless one is set.</summary>
        public void SetBrand(string brand)
        {
            if (store is ICustomKpiStore settings && settings.GetSetting(workspace!, MetricSettings.Brand) is null)
            {
                settings.SetSetting(workspace!, MetricSettings.Brand, brand);
            }
        }

        public void Dispose()
        {
            Sink.Dispose();
            store?.Dispose();
        }
    }
}
