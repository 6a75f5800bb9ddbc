using Microsoft.Data.Sqlite;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Workspaces;
using Northstar.Testing;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>
/// The stored stage rollup (<c>stage_rollup</c>): moved at commit from the old lifecycles of the
/// touched contacts to their new ones, rebuilt at open for a file from before the table, worked
/// out from the lifecycles while stale, and always equal to <see cref="StageRollup.From"/> over
/// the reference lifecycles.
/// </summary>
public sealed class SqliteStageRollupTests : IDisposable
{
    private static readonly DateRange AllDays = new(BuilderTime.Date(-30), BuilderTime.Date(90));

    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("stages.db");

    [Fact]
    public void Commit_ContactMovesChannelAndStage_CountMovesWithIt()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new ContactBuilder("c1").CreatedAt(day: 1).Channel("email").Build(), new ContactBuilder("c2").CreatedAt(day: 1).Channel("email").Build()]);
        Write(store, ws, [new StageChangeBuilder("c1").Stage(Stage.Lead).EnteredAt(day: 2).Build(), new StageChangeBuilder("c2").Stage(Stage.Lead).EnteredAt(day: 2).Build()]);

        Write(store, ws, [new ContactBuilder("c1").CreatedAt(day: 1).Channel("direct").Build()]);
        Write(store, ws, [new StageChangeBuilder("c2").Stage(Stage.Lead).EnteredAt(day: 4).Build()]);

        var leads = store.ReadStageRollup(ws, AllDays, [ContactMoment.Lead]).OrderBy(r => r.Day).Select(r => (r.Day, r.Dims.Channel, r.Count)).ToList();
        // c1 now direct on day 2; c2 still email but on day 4: the old (day 2, email) row of two is gone.
        Assert.Equal([(BuilderTime.Date(2), "direct", 1L), (BuilderTime.Date(4), "email", 1L)], leads);
        Assert.Equal((0L, 4L), (Scalar("SELECT stages_stale FROM workspaces"), Scalar("SELECT count(*) FROM stage_rollup")));
        AssertMatchesReference(store, ws);
    }

    [Fact]
    public void Commit_ManySmallSessionsOfEveryKind_StoredEqualsReferenceAfterEach()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        var random = new Random(11);
        for (var session = 0; session < 12; session++)
        {
            var contacts = Enumerable.Range(0, 5).Select(_ => new ContactBuilder($"c{random.Next(30)}")
                .Segment(random.Next(2) == 0 ? null : "smb").Channel(random.Next(2) == 0 ? null : "email").IcpFit(random.Next(3) == 0 ? null : random.Next(2) == 0)
                .CreatedAt(random.Next(3) == 0 ? null : BuilderTime.At(1 + random.Next(20))).Build()).DistinctBy(c => c.ContactId).ToArray();
            var stages = Enumerable.Range(0, 6).Select(_ => new StageChangeBuilder($"c{random.Next(30)}")
                .Stage((Stage)random.Next(9)).EnteredAt(day: 1 + random.Next(30)).Build()).DistinctBy(s => (s.ContactId, s.Stage)).ToArray();
            var events = Enumerable.Range(0, 30).Select(_ => new EventBuilder($"e{random.Next(60)}")
                .SessionStart().At(BuilderTime.At(1 + random.Next(20), random.Next(24)))
                .Anonymous(random.Next(4) == 0 ? null : $"a{random.Next(40)}")
                .Contact(random.Next(3) == 0 ? $"c{random.Next(30)}" : null)
                .Channel(random.Next(2) == 0 ? "paid_social" : "organic_search").Build()).DistinctBy(e => e.Id).ToArray();

            using (var write = store.BeginWrite(ws))
            {
                var conflicts = new List<int>();
                write.Write<Contact>(contacts, conflicts);
                write.Write<StageChange>(stages, conflicts);
                write.Write<EventFact>(events, conflicts);
                write.Commit();
            }

            AssertMatchesReference(store, ws);
        }

        Assert.Equal((0L, 0L), (Scalar("SELECT count(*) FROM stage_rollup WHERE count <= 0"), Scalar("SELECT count(*) FROM stage_counts WHERE count <= 0")));
    }

    [Fact]
    public void Open_FileFromBeforeTheTable_RollupRebuiltFromStoredLifecycles()
    {
        using (var old = SqliteFactStore.Open(Db))
        {
            var ws = old.GetOrCreateWorkspace("acme");
            Write(old, ws, [new StageChangeBuilder("c1").Stage(Stage.Mql).EnteredAt(day: 4).Build(), new StageChangeBuilder("c2").Stage(Stage.Lead).EnteredAt(day: 4).Build()]);
        }

        // What a file written before step 3 holds: current lifecycles, neither the table nor the mark (nor the later steps' tables).
        Scalar("DROP TABLE stage_rollup; DROP TABLE stage_counts; ALTER TABLE workspaces DROP COLUMN stages_stale; "
            + "DROP TABLE users; DROP TABLE memberships; DROP TABLE api_tokens; DROP TABLE write_keys; DROP TABLE imports; DROP TABLE stage_times; DROP TABLE stage_time_values; "
            + "PRAGMA user_version = 2; SELECT 0");

        using var store = SqliteFactStore.Open(Db);

        // c1: lead, iql, mql and first known on day 4; c2: lead and first known on day 4.
        Assert.Equal((0L, 4L, 6L), (Scalar("SELECT stages_stale FROM workspaces"), Scalar("SELECT count(*) FROM stage_rollup"), Scalar("SELECT sum(count) FROM stage_rollup")));
        var lead = Assert.Single(store.ReadStageRollup(store.GetOrCreateWorkspace("acme"), AllDays, [ContactMoment.Lead]));
        Assert.Equal((BuilderTime.Date(4), 2L), (lead.Day, lead.Count));
    }

    [Fact]
    public void ReadStageRollup_Stale_WorksItOutUntilTheNextCommitRebuilds()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new ContactBuilder("c1").CreatedAt(day: 3).Channel("email").Build()]);
        Scalar("DELETE FROM stage_rollup; DELETE FROM stage_counts; UPDATE workspaces SET stages_stale = 1; SELECT 0");

        var stale = Assert.Single(store.ReadStageRollup(ws, AllDays));
        using (var empty = store.BeginWrite(ws))
        {
            empty.Write<StageChange>([new StageChangeBuilder("c1").Stage(Stage.Lead).EnteredAt(day: 5).Build()], new List<int>());
            empty.Commit();
        }

        Assert.Equal((BuilderTime.Date(3), ContactMoment.FirstKnown, "email", 1L), (stale.Day, stale.Moment, stale.Dims.Channel, stale.Count));
        Assert.Equal((0L, 2L), (Scalar("SELECT stages_stale FROM workspaces"), Scalar("SELECT sum(count) FROM stage_rollup")));
        AssertMatchesReference(store, ws);
    }

    [Fact]
    public void ClearFacts_StoredRollup_Removed()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        Write(store, ws, [new ContactBuilder("c1").CreatedAt(day: 1).Build()]);

        store.ClearFacts(ws);

        Assert.Empty(store.ReadStageRollup(ws, AllDays));
        Assert.Equal((0L, 0L), (Scalar("SELECT count(*) FROM stage_rollup"), Scalar("SELECT count(*) FROM stage_counts")));
    }

    [Fact]
    public void Commit_ThousandsOfContacts_StageTimesBucketsKeepTheUntouchedEntries()
    {
        using var store = SqliteFactStore.Open(Db);
        var ws = store.GetOrCreateWorkspace("acme");
        // 4,000 contacts over 1,024 buckets: every bucket holds several, so each refresh below rewrites
        // buckets whose other entries must come through byte for byte.
        Write(store, ws, [.. Enumerable.Range(0, 4_000).Select(i => new StageChangeBuilder($"c{i}").Stage(Stage.Lead).EnteredAt(day: 1 + (i % 20)).Build())]);
        Write(store, ws, [.. Enumerable.Range(0, 4_000).Where(i => i % 3 == 0).Select(i => new ContactBuilder($"c{i}").Channel(i % 2 == 0 ? "email" : null).Segment("smb").IcpFit(i % 4 == 0).Build())]);
        Write(store, ws, [.. Enumerable.Range(0, 4_000).Where(i => i % 7 == 0).Select(i => new StageChangeBuilder($"c{i}").Stage(Stage.Mql).EnteredAt(day: 25).Build())]);

        var times = store.ReadStageTimes(ws);

        Assert.Equal(4_000, times.Count);
        Assert.Equal(572, times.EnteredTicks(Stage.Mql).ToArray().Count(t => t != StageTimes.NotEntered));
        // email: the contacts with a row (i % 3 == 0) and an even number, i % 6 == 0: 0, 6, ..., 3996.
        Assert.Equal(667, Enumerable.Range(0, times.Count).Count(i => times.Dims(i).Channel == "email"));
        Assert.True(Scalar("SELECT count(*) FROM stage_times") > 1_000);
        AssertMatchesReference(store, ws);
    }

    [Fact]
    public void Open_FileFromBeforeStageTimes_FilledFromStoredLifecycles()
    {
        using (var old = SqliteFactStore.Open(Db))
        {
            var ws = old.GetOrCreateWorkspace("acme");
            Write(old, ws, [new StageChangeBuilder("c1").Stage(Stage.Mql).EnteredAt(day: 4).Build(), new StageChangeBuilder("c2").Stage(Stage.Lead).EnteredAt(day: 6).Build()]);
        }

        // What a file written before step 5 holds: a current stage rollup, no stage times.
        Scalar("DROP TABLE stage_times; DROP TABLE stage_time_values; PRAGMA user_version = 4; SELECT 0");

        using var store = SqliteFactStore.Open(Db);

        var times = store.ReadStageTimes(store.GetOrCreateWorkspace("acme"));
        // c1: lead, iql and mql on day 4 (filled); c2: lead on day 6.
        Assert.Equal(["4 4 4", "6 - -"], Enumerable.Range(0, times.Count).Select(i => string.Join(' ', new[] { Stage.Lead, Stage.Iql, Stage.Mql }
            .Select(s => times.EnteredTicks(s)[i] is var t && t == StageTimes.NotEntered ? "-" : $"{DateOnly.FromDateTime(new DateTime(t)).DayNumber - BuilderTime.Date(0).DayNumber}"))).Order());
        Assert.Equal((0L, 2L), (Scalar("SELECT stages_stale FROM workspaces"), Scalar("SELECT count(*) FROM stage_times")));
        AssertMatchesReference(store, store.GetOrCreateWorkspace("acme"));
    }

    public void Dispose() => _dir.Dispose();

    private static void Write<TFact>(SqliteFactStore store, Workspace ws, TFact[] facts)
        where TFact : class, IFact => StoredFacts.Commit(store, ws, facts);

    private static void AssertMatchesReference(SqliteFactStore store, Workspace ws)
    {
        var reference = StoredFacts.Reference(store, ws);
        Assert.Equal(StageTimesText.Canonical(StageTimes.From(reference.Lifecycles)), StageTimesText.Canonical(store.ReadStageTimes(ws)));
        var rollup = StageRollup.From(reference.Lifecycles, ws.TimeZone, AllDays);
        Assert.Equal(Canonical(rollup), Canonical(store.ReadStageRollup(ws, AllDays)));
        foreach (var moment in StageRollup.AllMoments)
        {
            foreach (var dimension in ContactDims.Names.Append(null))
            {
                var expected = StageRollup.Counts(rollup.Where(r => r.Moment == moment), dimension).Select(r => $"{r.Day} {r.Value} {r.Count}").Order(StringComparer.Ordinal);
                Assert.Equal(expected, store.ReadStageCounts(ws, AllDays, moment, dimension).Select(r => $"{r.Day} {r.Value} {r.Count}").Order(StringComparer.Ordinal));
            }
        }
    }

    private static List<string> Canonical(IEnumerable<StageRollupRow> rows) =>
        [.. rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Moment} {r.Dims} {r.Count}").Order(StringComparer.Ordinal)];

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
