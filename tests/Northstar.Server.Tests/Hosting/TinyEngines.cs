using Northstar.Core.Metrics;
using Northstar.Server.Hosting;
using Northstar.Server.Tests.Dashboard;
using Northstar.Storage.Sqlite;
using Northstar.Testing;

namespace Northstar.Server.Tests.Hosting;

/// <summary>
/// A <see cref="WorkspaceEngines"/> over the dashboard tests' tiny store (workspace <c>tiny</c>,
/// facts in September 2025) in a temp file, at <see cref="DashboardStore.Now"/>.
/// </summary>
public abstract class TinyEngines : IDisposable
{
    protected static readonly DateRange September = new(new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 1));

    private readonly TempDirectory _dir = new();

    protected TinyEngines()
    {
        var path = _dir.File("tiny.db");
        DashboardStore.Write(path, demo: false);
        Store = SqliteFactStore.Open(path);
        Engines = new WorkspaceEngines(Store, Store, new ManualClock(DashboardStore.Now));
    }

    protected SqliteFactStore Store { get; }

    protected WorkspaceEngines Engines { get; }

    public void Dispose()
    {
        Store.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
