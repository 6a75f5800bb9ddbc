using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Workspaces;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>Shared steps of the tests of views kept at commit: write and commit facts, and the reference views of what is stored.</summary>
internal static class StoredFacts
{
    /// <summary>Writes the facts in one session and commits it; asserts that nothing conflicted.</summary>
    public static void Commit<TFact>(SqliteFactStore store, Workspace ws, TFact[] facts)
        where TFact : class, IFact
    {
        using var session = store.BeginWrite(ws);
        var conflicts = new List<int>();
        session.Write<TFact>(facts, conflicts);
        session.Commit();
        Assert.Empty(conflicts);
    }

    /// <summary>The views built from scratch (<see cref="DerivedViewBuilder"/>) over the facts the store holds now.</summary>
    public static DerivedViewSet Reference(SqliteFactStore store, Workspace ws) =>
        DerivedViewBuilder.Build(ws.TimeZone, store.Read<EventFact>(ws), store.Read<Contact>(ws), store.Read<StageChange>(ws), store.Read<Account>(ws));
}
