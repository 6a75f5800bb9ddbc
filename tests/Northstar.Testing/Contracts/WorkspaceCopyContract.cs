using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Core.Goals;
using Northstar.Core.Import;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>
/// Moving data (<c>northstar migrate</c>, <see cref="WorkspaceCopy"/>): a workspace written to
/// another backend (SQLite for the server backends) is copied into the backend under test and
/// back out again; every fact arrives as it was, the counts are verified, the records come along
/// (custom KPIs, settings, goals, the import log, members with their password hashes, write keys
/// with their revocation) and every KPI answers the same on both sides.
/// </summary>
public abstract class WorkspaceCopyContract : NorthstarStoreContract
{
    private static readonly DateTimeOffset Today = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly KpiDefinition Custom =
        new("paid_search_spend_per_lead", "Paid search spend per lead", KpiUnit.Money, KpiDirection.DownIsGood, "paid search spend / leads", [])
        {
            Formula = "spend[channel = \"paid_search\"] / leads",
        };

    private readonly List<INorthstarStore> _others = [];

    /// <summary>A new, empty store of the backend users migrate from and to (called at most twice per test).</summary>
    protected abstract INorthstarStore CreateOtherStore();

    [Fact]
    public void Copy_FromOtherBackend_EveryFactAndRecordArrivesAndEveryKpiAgrees()
    {
        var source = Other();
        var from = source.GetOrCreateWorkspace("acme");
        KpiFixture.Write(source, from, KpiFixture.Facts);
        WriteRecords(source, from);
        var reports = new List<CopyProgress>();

        var result = WorkspaceCopy.Copy(source, Store, from, replace: false, new Progress(reports));

        var into = Store.FindWorkspace("acme")!;
        Assert.Empty(result.Mismatches);
        // The fixture's own count of each kind, not the stores' (both could be wrong together).
        var expected = KpiFixture.Facts.GroupBy(f => FactKinds.Of(f.GetType())).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.All(result.Target.Kinds, k => Assert.Equal(expected.GetValueOrDefault(k.Kind), k.Count));
        Assert.Equal(KpiFixture.Facts.Count, reports[^1].Copied);
        Assert.Equal(KpiFixture.Facts.Count, reports[^1].Total);
        AssertSameFacts(source, from, Store, into);
        AssertRecords(Store, into);
        AssertSameKpis(source, from, Store, into);
    }

    [Fact]
    public void Copy_BackIntoOtherBackend_RoundTripsEveryFactAndRecord()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        KpiFixture.Write(Store, ws, KpiFixture.Facts);
        WriteRecords(Store, ws);
        var target = Other();

        var result = WorkspaceCopy.Copy(Store, target, ws, replace: false);

        var into = target.FindWorkspace("acme")!;
        Assert.Empty(result.Mismatches);
        AssertSameFacts(Store, ws, target, into);
        AssertRecords(target, into);
    }

    [Fact]
    public void Copy_TargetWorkspaceHoldsFacts_RefusedUnlessReplaceThenHoldsExactlyTheSource()
    {
        var source = Other();
        var from = source.GetOrCreateWorkspace("acme");
        KpiFixture.Write(source, from, KpiFixture.Facts);
        var into = Store.GetOrCreateWorkspace("acme");
        var stray = new Builders.EventBuilder("stray").Build();
        KpiFixture.Write(Store, into, [stray]);
        var other = Store.GetOrCreateWorkspace("other");
        KpiFixture.Write(Store, other, [stray]);

        var refused = Assert.Throws<InvalidOperationException>(() => WorkspaceCopy.Copy(source, Store, from, replace: false));
        var result = WorkspaceCopy.Copy(source, Store, from, replace: true);

        Assert.Contains("--replace", refused.Message, StringComparison.Ordinal);
        Assert.Empty(result.Mismatches);
        Assert.DoesNotContain(Store.Read<EventFact>(into), e => e.Id == "stray");
        AssertSameFacts(source, from, Store, into);
        // Another workspace of the target is untouched.
        Assert.Equal([stray], Store.Read<EventFact>(other).ToList());
    }

    [Fact]
    public void Copy_RunAgainWithReplace_RecordsHeldOnce()
    {
        // A copy cut short after its facts' commit is run again with --replace, which clears only
        // the facts: the records must not be doubled (the import log has no natural key).
        var source = Other();
        var from = source.GetOrCreateWorkspace("acme");
        KpiFixture.Write(source, from, KpiFixture.Facts);
        WriteRecords(source, from);

        WorkspaceCopy.Copy(source, Store, from, replace: false);
        var again = WorkspaceCopy.Copy(source, Store, from, replace: true);

        var into = Store.FindWorkspace("acme")!;
        Assert.Empty(again.Mismatches);
        Assert.Empty(again.KeptTargetPasswords);
        AssertRecords(Store, into);
        AssertSameFacts(source, from, Store, into);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _others.ForEach(o => o.Dispose());
        }
    }

    private static void WriteRecords(INorthstarStore store, Core.Workspaces.Workspace ws)
    {
        store.SaveCustomKpi(ws, Custom);
        store.SetSetting(ws, MetricSettings.Brand, "acme");
        store.SaveGoal(ws, new Goal("leads-2026", "leads", 1200, "2026"));
        var error = new ImportError("spend.csv", 7, "amount", "'ten' is not a number");
        store.RecordImport(ws, new ImportLogEntry(
            0, "spend", "spend.csv", "edith", Today, Today.AddSeconds(2), 10, 9, 1, ImportLogEntry.ImportedWithRejects, 1, [error]));
        var ada = store.CreateUser("ada", "hash-of-ada");
        store.SetRole(ada.Id, ws, WorkspaceRole.Editor);
        store.CreateWriteKey(ws, "site", "wk_site");
        store.RevokeWriteKey(ws, store.CreateWriteKey(ws, "old", "wk_old").Id);
    }

    private static void AssertRecords(INorthstarStore store, Core.Workspaces.Workspace ws)
    {
        Assert.Equal(Custom.Formula, Assert.Single(store.ListCustomKpis(ws)).Formula);
        Assert.Equal("acme", store.GetSetting(ws, MetricSettings.Brand));
        var goal = Assert.Single(store.ListGoals(ws));
        Assert.Equal(("leads-2026", "leads", 1200d, "2026"), (goal.Id, goal.Kpi, goal.Target, goal.Period));
        var import = Assert.Single(store.ListImports(ws));
        Assert.Equal(("spend.csv", 9L, 1L, ImportLogEntry.ImportedWithRejects), (import.FileName, import.RowsImported, import.RowsRejected, import.Outcome));
        Assert.Equal(7, Assert.Single(import.Errors).Line);
        var ada = store.FindUser("ada")!;
        Assert.Equal("hash-of-ada", ada.PasswordHash);
        Assert.Equal(WorkspaceRole.Editor, store.GetRole(ada.Id, ws.Id));
        var keys = store.ListWriteKeys(ws).OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(["wk_old", "wk_site"], keys.Select(k => k.Key));
        Assert.NotNull(keys[0].RevokedAt);
        Assert.Null(keys[1].RevokedAt);
    }

    private static void AssertSameFacts(INorthstarStore a, Core.Workspaces.Workspace wa, INorthstarStore b, Core.Workspaces.Workspace wb)
    {
        Assert.Equal(Sorted(a.Read<EventFact>(wa)), Sorted(b.Read<EventFact>(wb)));
        Assert.Equal(Sorted(a.Read<Contact>(wa)), Sorted(b.Read<Contact>(wb)));
        Assert.Equal(Sorted(a.Read<StageChange>(wa)), Sorted(b.Read<StageChange>(wb)));
        Assert.Equal(Sorted(a.Read<Account>(wa)), Sorted(b.Read<Account>(wb)));
        Assert.Equal(Sorted(a.Read<Deal>(wa)), Sorted(b.Read<Deal>(wb)));
        Assert.Equal(Sorted(a.Read<Spend>(wa)), Sorted(b.Read<Spend>(wb)));
        Assert.Equal(Sorted(a.Read<Subscription>(wa)), Sorted(b.Read<Subscription>(wb)));
        Assert.Equal(Sorted(a.Read<SurveyAnswer>(wa)), Sorted(b.Read<SurveyAnswer>(wb)));
        Assert.Equal(Sorted(a.Read<SeriesPoint>(wa)), Sorted(b.Read<SeriesPoint>(wb)));
        Assert.Equal(Sorted(a.Read<Activity>(wa)), Sorted(b.Read<Activity>(wb)));
        Assert.Equal(a.GetChannelRules(wa), b.GetChannelRules(wb));
    }

    private static void AssertSameKpis(INorthstarStore a, Core.Workspaces.Workspace wa, INorthstarStore b, Core.Workspaces.Workspace wb)
    {
        var options = new MetricOptions { Brand = "acme" };
        var year = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));
        var left = new MetricsEngine(a, wa, options, new ManualClock(Today), a.ListCustomKpis(wa));
        var right = new MetricsEngine(b, wb, options, new ManualClock(Today), b.ListCustomKpis(wb));
        var differences = left.Kpis.SelectMany(k => KpiComparison.Compare(right, left, new MetricQuery(k.Id, year, Grain.Month), "2026 by month")).ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(40)));
    }

    private static List<TFact> Sorted<TFact>(IEnumerable<TFact> facts)
        where TFact : IFact => [.. facts.OrderBy(f => f.NaturalKey, StringComparer.Ordinal)];

    private INorthstarStore Other()
    {
        var store = CreateOtherStore();
        _others.Add(store);
        return store;
    }

    private sealed class Progress(List<CopyProgress> reports) : IProgress<CopyProgress>
    {
        public void Report(CopyProgress value) => reports.Add(value);
    }
}
