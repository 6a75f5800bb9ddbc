using Northstar.Core.Import;
using Northstar.Core.Metrics;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>
/// What every backend must do with the product's own records beside the facts: custom KPIs
/// (replaced by id, deleted by id), workspace settings (set, replace, clear) and the import log
/// (newest first, a limit, bad-row details kept to <see cref="ImportLogEntry.MaxErrorsKept"/>
/// with the count of all). Each is kept per workspace. Goals have their own
/// <see cref="GoalStoreContract"/>.
/// </summary>
public abstract class RecordsContract : NorthstarStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 4, 15, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void SaveCustomKpi_EveryField_ReadsBackTheSame()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var kpi = new KpiDefinition("paid_social_roas", "ROAS of paid social", KpiUnit.Ratio, KpiDirection.UpIsGood, "New revenue per unit of paid social spend.", [])
        {
            Formula = "revenue_new[channel = \"paid_social\"] / spend[channel = \"paid_social\"]",
        };

        Store.SaveCustomKpi(acme, kpi);

        var saved = Assert.Single(Store.ListCustomKpis(acme));
        Assert.Equal((kpi.Id, kpi.Name, kpi.Unit, kpi.Direction, kpi.Definition, kpi.Formula), (saved.Id, saved.Name, saved.Unit, saved.Direction, saved.Definition, saved.Formula));
        Assert.True(saved.IsCustom);
    }

    [Fact]
    public void SaveCustomKpi_SameIdTwice_KeepsTheLatestPerWorkspace()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var other = Store.GetOrCreateWorkspace("other");
        var first = Kpi("paid_social_roas", "revenue_new[channel = \"paid_social\"] / spend[channel = \"paid_social\"]");
        var second = first with { Name = "ROAS of paid social", Direction = KpiDirection.UpIsGood, Formula = "revenue_new / spend" };

        Store.SaveCustomKpi(acme, first);
        Store.SaveCustomKpi(acme, second);
        Store.SaveCustomKpi(other, Kpi("meeting_rate", "meetings_booked / emails_sent"));

        var saved = Assert.Single(Store.ListCustomKpis(acme));
        Assert.Equal(("paid_social_roas", "ROAS of paid social", KpiUnit.Ratio, KpiDirection.UpIsGood, "revenue_new / spend"), (saved.Id, saved.Name, saved.Unit, saved.Direction, saved.Formula));
        Assert.Equal("meeting_rate", Assert.Single(Store.ListCustomKpis(other)).Id);
    }

    [Fact]
    public void ListCustomKpis_SavedOutOfOrder_ComeBackById()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        Store.SaveCustomKpi(acme, Kpi("zeta_rate", "leads / sessions"));
        Store.SaveCustomKpi(acme, Kpi("alpha_rate", "mqls / leads"));
        Store.SaveCustomKpi(acme, Kpi("mid_rate", "sqls / mqls"));

        Assert.Equal(["alpha_rate", "mid_rate", "zeta_rate"], Store.ListCustomKpis(acme).Select(k => k.Id));
    }

    [Fact]
    public void DeleteCustomKpi_KnownAndUnknownId_RemovesOnlyThatOne()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        Store.SaveCustomKpi(acme, Kpi("a_rate", "leads / sessions"));
        Store.SaveCustomKpi(acme, Kpi("b_rate", "mqls / leads"));

        Assert.True(Store.DeleteCustomKpi(acme, "a_rate"));
        Assert.False(Store.DeleteCustomKpi(acme, "a_rate"));

        Assert.Equal("b_rate", Assert.Single(Store.ListCustomKpis(acme)).Id);
    }

    [Fact]
    public void SetSetting_SetReplaceUnset_IsPerWorkspace()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var other = Store.GetOrCreateWorkspace("other");

        Store.SetSetting(acme, MetricSettings.Brand, "acme");
        Store.SetSetting(acme, MetricSettings.Brand, "acme inc");
        Store.SetSetting(other, MetricSettings.CohortWindowDays, "30");
        Store.SetSetting(other, MetricSettings.CohortWindowDays, null);

        Assert.Equal("acme inc", Store.GetSetting(acme, MetricSettings.Brand));
        Assert.Null(Store.GetSetting(other, MetricSettings.Brand));
        Assert.Null(Store.GetSetting(other, MetricSettings.CohortWindowDays));
    }

    [Fact]
    public void SetSetting_UnsetKeyNeverSet_IsNoError()
    {
        var acme = Store.GetOrCreateWorkspace("acme");

        Store.SetSetting(acme, MetricSettings.FiscalYearStartMonth, null);

        Assert.Null(Store.GetSetting(acme, MetricSettings.FiscalYearStartMonth));
    }

    [Fact]
    public void RecordImport_ThenList_RoundTripsEveryFieldNewestFirst()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var first = Entry("a.csv", ImportLogEntry.Imported, [], 0);
        var error = new ImportError("b.csv", 7, "amount", "'ten' is not a number");
        var noColumn = new ImportError("b.csv", 9, null, "too few fields");
        var second = Entry("b.csv", ImportLogEntry.Refused, [error, noColumn], 2) with { UserName = null };

        var firstId = Store.RecordImport(acme, first);
        var secondId = Store.RecordImport(acme, second);

        var log = Store.ListImports(acme);
        Assert.Equal([secondId, firstId], log.Select(e => e.Id));
        Assert.Equal(first with { Id = firstId, Errors = log[1].Errors }, log[1]);
        Assert.Empty(log[1].Errors);
        Assert.Equal(second with { Id = secondId, Errors = log[0].Errors }, log[0]);
        Assert.Equal([error, noColumn], log[0].Errors);
    }

    [Fact]
    public void ListImports_Limit_KeepsTheNewest()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var ids = Enumerable.Range(1, 4).Select(i => Store.RecordImport(acme, Entry($"f{i}.csv", ImportLogEntry.Imported, [], 0))).ToList();

        var newestTwo = Store.ListImports(acme, limit: 2);

        Assert.Equal([ids[3], ids[2]], newestTwo.Select(e => e.Id));
        Assert.Equal(["f4.csv", "f3.csv"], newestTwo.Select(e => e.FileName));
        Assert.Equal(4, Store.ListImports(acme).Count);
    }

    [Fact]
    public void RecordImport_MoreErrorsThanTheCap_KeepsTheFirstThousandAndTheCount()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var errors = Enumerable.Range(2, 1500).Select(line => new ImportError("big.csv", line, "timestamp", "not a date")).ToList();

        Store.RecordImport(acme, Entry("big.csv", ImportLogEntry.Refused, errors, 1500));

        var entry = Store.ListImports(acme).Single();
        Assert.Equal(1000, entry.Errors.Count);
        Assert.Equal(1500, entry.ErrorCount);
        Assert.Equal(2, entry.Errors[0].Line);
        Assert.Equal(1001, entry.Errors[^1].Line); // lines 2..1001 kept, in order
    }

    [Fact]
    public void Records_TwoWorkspaces_EachSeesOnlyItsOwnKpisSettingsAndImports()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var globex = Store.GetOrCreateWorkspace("globex");
        Store.SaveCustomKpi(acme, Kpi("shared_id", "leads / sessions"));
        Store.SaveCustomKpi(globex, Kpi("shared_id", "mqls / leads"));
        Store.SetSetting(acme, MetricSettings.Brand, "acme");
        Store.SetSetting(globex, MetricSettings.Brand, "globex");
        var acmeImport = Store.RecordImport(acme, Entry("a.csv", ImportLogEntry.Imported, [], 0));
        var globexImport = Store.RecordImport(globex, Entry("g.csv", ImportLogEntry.Imported, [], 0));

        Assert.True(Store.DeleteCustomKpi(globex, "shared_id"));

        Assert.Equal("leads / sessions", Assert.Single(Store.ListCustomKpis(acme)).Formula);
        Assert.Empty(Store.ListCustomKpis(globex));
        Assert.Equal(("acme", "globex"), (Store.GetSetting(acme, MetricSettings.Brand), Store.GetSetting(globex, MetricSettings.Brand)));
        Assert.Equal([(acmeImport, "a.csv")], Store.ListImports(acme).Select(e => (e.Id, e.FileName)));
        Assert.Equal([(globexImport, "g.csv")], Store.ListImports(globex).Select(e => (e.Id, e.FileName)));
    }

    private static KpiDefinition Kpi(string id, string formula) =>
        new(id, id, KpiUnit.Ratio, KpiDirection.DownIsGood, "a test KPI", []) { Formula = formula };

    private static ImportLogEntry Entry(string file, string outcome, IReadOnlyList<ImportError> errors, long errorCount) =>
        new(0, "spend", file, "edith", Start, Start.AddSeconds(2), 10, outcome == ImportLogEntry.Refused ? 0 : 10, errorCount > 0 ? 1 : 0, outcome, errorCount, errors);
}
