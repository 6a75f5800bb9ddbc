using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Testing.Builders;
using Npgsql;

namespace Northstar.Storage.Postgres.Tests;

/// <summary>
/// The stage rollup kept in the database per data version: stored by a large commit or by the
/// first reader, read by a new store ("a new process") from SQL alone, older versions deleted,
/// null kept apart from ''. Counts worked out by hand in <see cref="KeptStageFixture"/>.
/// </summary>
public sealed class PostgresKeptStageRollupTests : IDisposable
{
    private static readonly DateRange AllDays = new(BuilderTime.Date(-30), BuilderTime.Date(60));

    private readonly TestDatabase _database = new();
    private readonly PostgresFactStore _store;

    public PostgresKeptStageRollupTests()
    {
        _store = _database.OpenStore();
        _store.KeepStageRollupAtFacts = KeptStageFixture.Facts;
    }

    [Fact]
    public void Commit_SessionAtThreshold_KeepsRowsForItsVersionThatANewStoreReadsWithoutLifecycles()
    {
        var ws = _store.GetOrCreateWorkspace("acme");

        KeptStageFixture.Write(_store, ws);

        var version = _store.DataVersion(ws);
        Assert.Equal([$"{version}"], KeptStageFixture.Rows(_database, "SELECT version FROM stage_kept_versions"));
        // Rows and contacts per moment (KeptStageFixture's remarks): Lead 0, Iql 1, Mql 2, Sal 3, Sql 4, Opportunity 5, Proposal 6, Customer 7, FirstKnown 9.
        Assert.Equal(
            ["0|3|4", "1|3|3", "2|3|3", "3|1|1", "4|1|1", "5|1|1", "6|1|1", "7|1|1", "9|3|4"],
            KeptStageFixture.Rows(_database, $"SELECT moment, count(*), sum(count) FROM stage_rollup_kept WHERE version = {version} GROUP BY moment ORDER BY moment"));
        KeptStageFixture.HideLifecycleTables(_database);

        using var next = _database.OpenStore();
        var leadsByChannel = next.ReadStageCounts(ws, AllDays, ContactMoment.Lead, Dimensions.Channel).OrderBy(r => r.Day).ToList();
        var mqls = next.ReadStageCounts(ws, AllDays, ContactMoment.Mql, null).OrderBy(r => r.Day).ToList();
        var knownBySegment = next.ReadStageCounts(ws, AllDays, ContactMoment.FirstKnown, Dimensions.Segment).OrderBy(r => r.Day).ToList();
        var days1To2 = next.ReadStageRollup(ws, new DateRange(BuilderTime.Date(1), BuilderTime.Date(3)), [ContactMoment.FirstKnown, ContactMoment.Lead]);

        Assert.Equal(
            [new(BuilderTime.Date(2), "email", 2), new(BuilderTime.Date(4), "paid_search", 1), new(BuilderTime.Date(5), "", 1)],
            leadsByChannel);
        Assert.Equal([new(BuilderTime.Date(3), "", 1), new(BuilderTime.Date(4), "", 1), new(BuilderTime.Date(5), "", 1)], mqls);
        // c3's '' and c4's missing segment are both the empty value here.
        Assert.Equal([new(BuilderTime.Date(1), "smb", 2), new(BuilderTime.Date(2), "", 2)], knownBySegment);
        var email = new ContactDims("email", null, null, null, null, "smb", "ana", true);
        Assert.Equal(
            new[]
            {
                new StageRollupRow(BuilderTime.Date(1), ContactMoment.FirstKnown, email, 2),
                new StageRollupRow(BuilderTime.Date(2), ContactMoment.FirstKnown, new ContactDims("paid_search", null, null, null, null, "", null, null), 1),
                new StageRollupRow(BuilderTime.Date(2), ContactMoment.FirstKnown, default, 1),
                new StageRollupRow(BuilderTime.Date(2), ContactMoment.Lead, email, 2),
            }.OrderBy(Key),
            days1To2.OrderBy(Key));
    }

    [Fact]
    public void ReadStageCounts_AfterSmallSession_StoresItsVersionOnFirstReadAndDropsTheOlder()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        KeptStageFixture.Write(_store, ws);
        var before = _store.DataVersion(ws);

        // c2 (lead on day 2) becomes an MQL on day 6: iql filled with day 6 too. One fact, below the threshold.
        using (var session = _store.BeginWrite(ws))
        {
            session.Write<StageChange>([new StageChangeBuilder("c2").Stage(Stage.Mql).EnteredAt(day: 6).Build()], new List<int>());
            session.Commit();
        }

        var after = _store.DataVersion(ws);
        Assert.Equal([$"{before}"], KeptStageFixture.Rows(_database, "SELECT version FROM stage_kept_versions"));

        var mqls = _store.ReadStageCounts(ws, AllDays, ContactMoment.Mql, null).OrderBy(r => r.Day).ToList();
        _store.WaitForStoring(); // the reader stores on a task of its own

        Assert.Equal(
            [new(BuilderTime.Date(3), "", 1), new(BuilderTime.Date(4), "", 1), new(BuilderTime.Date(5), "", 1), new(BuilderTime.Date(6), "", 1)],
            mqls);
        Assert.Equal([$"{after}"], KeptStageFixture.Rows(_database, "SELECT version FROM stage_kept_versions"));
        Assert.Equal(
            [$"{after}|19"],
            KeptStageFixture.Rows(_database, "SELECT version, count(*) FROM stage_rollup_kept GROUP BY version"));
        Assert.Equal(
            [$"{after}"],
            KeptStageFixture.Rows(_database, "SELECT DISTINCT version FROM stage_counts_kept"));

        KeptStageFixture.HideLifecycleTables(_database);
        using var next = _database.OpenStore();
        var iqlsByOwner = next.ReadStageCounts(ws, AllDays, ContactMoment.Iql, Dimensions.Owner).OrderBy(r => r.Day).ToList();
        Assert.Equal(
            [new(BuilderTime.Date(3), "ana", 1), new(BuilderTime.Date(4), "", 1), new(BuilderTime.Date(5), "", 1), new(BuilderTime.Date(6), "ana", 1)],
            iqlsByOwner);
    }

    [Fact]
    public void ReadStageCounts_ThreeReadsWhileTheFirstStoreIsBlocked_StartOneStore()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        _store.KeepStageRollupAtFacts = int.MaxValue; // nothing stored at commit: the first reader stores
        KeptStageFixture.Write(_store, ws);
        using var other = new NpgsqlConnection(_database.ConnectionString);
        other.Open();

        // The marker table locked against writes (reads go on): the first reader's store waits at its
        // marker, so the next reads of the same version come while it runs, as a review's reads do
        // after a small commit at 10M events (a store then takes seconds).
        var blocking = other.BeginTransaction();
        using (var lockMarkers = new NpgsqlCommand("LOCK TABLE stage_kept_versions IN EXCLUSIVE MODE", other, blocking))
        {
            lockMarkers.ExecuteNonQuery();
        }

        var leads = _store.ReadStageCounts(ws, AllDays, ContactMoment.Lead, null).Sum(r => r.Count);
        var mqls = _store.ReadStageCounts(ws, AllDays, ContactMoment.Mql, null).Sum(r => r.Count);
        var all = _store.ReadStageRollup(ws, AllDays).Sum(r => r.Count);
        blocking.Rollback();
        blocking.Dispose();
        var stores = _store.WaitForStoring();

        // One store of the version, not one per read (each would tally every lifecycle first).
        Assert.Equal(1, stores);
        // KeptStageFixture: 4 leads, 3 MQLs, 19 contacts over every moment.
        Assert.Equal((4, 3, 19), (leads, mqls, all));
        Assert.Equal([$"{_store.DataVersion(ws)}|17"], KeptStageFixture.Rows(_database, "SELECT version, rollup_rows FROM stage_kept_versions"));
    }

    [Fact]
    public void ReadStageRollup_NullAndEmptyValues_KeptApartThroughTheKeptRows()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        _store.KeepStageRollupAtFacts = 2;
        using (var session = _store.BeginWrite(ws))
        {
            session.Write<Contact>(
                [
                    new ContactBuilder("none").CreatedAt(day: 1).Build(),
                    new ContactBuilder("empty").CreatedAt(day: 1).Channel("").Segment("").Owner("").IcpFit(false).Build(),
                ],
                new List<int>());
            session.Commit();
        }

        KeptStageFixture.HideLifecycleTables(_database);
        using var next = _database.OpenStore();

        var known = next.ReadStageRollup(ws, AllDays);
        var bySegment = next.ReadStageCounts(ws, AllDays, ContactMoment.FirstKnown, Dimensions.Segment);

        Assert.Equal(
            new[]
            {
                new StageRollupRow(BuilderTime.Date(1), ContactMoment.FirstKnown, default, 1),
                new StageRollupRow(BuilderTime.Date(1), ContactMoment.FirstKnown, new ContactDims("", null, null, null, null, "", "", false), 1),
            }.OrderBy(Key),
            known.OrderBy(Key));
        Assert.Equal([new StageCountRow(BuilderTime.Date(1), "", 2)], bySegment);
    }

    [Fact]
    public void Commit_StoringFails_SessionKeptAndReadAnswersWithoutAMarker()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        // Every per-dimension row is refused: the store fails after the marker and the rollup rows went in.
        _database.Scalar("ALTER TABLE stage_counts_kept ADD CONSTRAINT refuse CHECK (count < 0)");

        KeptStageFixture.Write(_store, ws);
        var leads = _store.ReadStageCounts(ws, AllDays, ContactMoment.Lead, null).OrderBy(r => r.Day).ToList();
        _store.WaitForStoring(); // the reader's own try fails the same way

        Assert.Equal(4, _store.Read<Contact>(ws).Count());
        Assert.Equal([new(BuilderTime.Date(2), "", 2), new(BuilderTime.Date(4), "", 1), new(BuilderTime.Date(5), "", 1)], leads);
        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM stage_kept_versions"));
        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM stage_rollup_kept"));
    }

    [Fact]
    public void ClearFacts_AfterKeptRollup_DeletesTheKeptRowsAndReadsNothing()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        KeptStageFixture.Write(_store, ws);

        _store.ClearFacts(ws);

        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM stage_rollup_kept"));
        Assert.Empty(_store.ReadStageRollup(ws, AllDays));
        Assert.Empty(_store.ReadStageCounts(ws, AllDays, ContactMoment.Lead, null));
        _store.WaitForStoring();
        // The empty version is kept too: a marker without rows.
        Assert.Equal([$"{_store.DataVersion(ws)}|0"], KeptStageFixture.Rows(_database, "SELECT version, rollup_rows FROM stage_kept_versions"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    private static string Key(StageRollupRow row) => $"{row.Day:yyyy-MM-dd} {row.Moment} {row.Dims} {row.Count}";
}
