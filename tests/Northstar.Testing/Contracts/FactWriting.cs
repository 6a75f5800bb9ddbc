using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Testing.Contracts;

/// <summary>Writes a contract's fixture, facts of every kind mixed, into any store.</summary>
public static class FactWriting
{
    /// <summary>Writes every fact in one committed session, kind by kind; a fixture with conflicting facts is a mistake and throws.</summary>
    public static void WriteAll(IFactStore store, Workspace workspace, IEnumerable<IFact> facts)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(facts);
        var all = facts.ToList();
        using var session = store.BeginWrite(workspace);
        WriteKind<EventFact>(session, all);
        WriteKind<Contact>(session, all);
        WriteKind<StageChange>(session, all);
        WriteKind<Account>(session, all);
        WriteKind<Deal>(session, all);
        WriteKind<Spend>(session, all);
        WriteKind<Subscription>(session, all);
        WriteKind<SurveyAnswer>(session, all);
        WriteKind<SeriesPoint>(session, all);
        WriteKind<Activity>(session, all);
        session.Commit();
    }

    private static void WriteKind<TFact>(IFactWriteSession session, List<IFact> facts)
        where TFact : class, IFact
    {
        var these = facts.OfType<TFact>().ToArray();
        if (these.Length > 0)
        {
            var conflicts = new List<int>();
            session.Write<TFact>(these, conflicts);
            if (conflicts.Count > 0)
            {
                throw new InvalidOperationException($"The fixture has {conflicts.Count} conflicting {typeof(TFact).Name} facts.");
            }
        }
    }
}
