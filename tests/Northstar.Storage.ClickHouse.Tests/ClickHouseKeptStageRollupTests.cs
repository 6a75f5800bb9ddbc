using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Workspaces;
using Northstar.Storage.ClickHouse.Schema;
using Northstar.Testing.Builders;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>
/// The stage rollup kept in the database per data version (<see cref="KeptStageRollup"/>): kept
/// at the commit of a large session, by the first reader after a small one, read by a new store
/// (a new process) with SQL. The fixture: c1 (paid_social, enterprise) and c2 (email, no
/// segment) created on day 2 and leads on day 3; c3 (email, enterprise) created on day 4 and an
/// MQL on day 6, so also a lead and an IQL on day 6 (skipped stages are filled from the later one).
/// Per moment: first known 3, lead 3, IQL 1, MQL 1.
/// </summary>
public sealed class ClickHouseKeptStageRollupTests
{
    private static readonly DateRange AllDays = new(BuilderTime.Date(-30), BuilderTime.Date(60));

    private static readonly Contact[] Contacts =
    [
        new ContactBuilder("c1").CreatedAt(day: 2).Channel("paid_social").Segment("enterprise").Build(),
        new ContactBuilder("c2").CreatedAt(day: 2).Channel("email").Build(),
        new ContactBuilder("c3").CreatedAt(day: 4).Channel("email").Segment("enterprise").Build(),
    ];

    private static readonly StageChange[] Stages =
    [
        new StageChangeBuilder("c1").Stage(Stage.Lead).EnteredAt(day: 3).Build(),
        new StageChangeBuilder("c2").Stage(Stage.Lead).EnteredAt(day: 3).Build(),
        new StageChangeBuilder("c3").Stage(Stage.Mql).EnteredAt(day: 6).Build(),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Commit_SessionAtThreshold_KeepsRollupThatANewStoreReadsWithSql(bool cluster)
    {
        using var database = cluster ? TestDatabase.Cluster() : TestDatabase.Single();
        var writer = database.Open();
        writer.KeepRollupAtCommitFacts = 6;
        var ws = writer.GetOrCreateWorkspace("acme");

        Commit(writer, ws, Contacts, Stages);

        var version = writer.DataVersion(ws);
        Assert.Equal("1", Sql(writer, $"SELECT count() FROM stage_rollup_marks WHERE ws = {ws.Id} AND ver = {version}"));
        // Moments 0 lead, 1 IQL, 2 MQL, 9 first known: 3, 1, 1, 3, in both tables.
        string[] perMoment = ["0\t3", "1\t1", "2\t1", "9\t3"];
        Assert.Equal(perMoment, SqlRows(writer, $"SELECT moment, sum(n) FROM stage_counts_kept WHERE ws = {ws.Id} AND ver = {version} AND dimension = 0 GROUP BY moment ORDER BY moment"));
        Assert.Equal(perMoment, SqlRows(writer, $"SELECT moment, sum(n) FROM stage_rollup_kept WHERE ws = {ws.Id} AND ver = {version} GROUP BY moment ORDER BY moment"));

        var reader = database.Open();
        var leadsByChannel = reader.ReadStageCounts(ws, AllDays, ContactMoment.Lead, Dimensions.Channel).OrderBy(r => r.Day).ThenBy(r => r.Value, StringComparer.Ordinal);
        var knownBySegment = reader.ReadStageCounts(ws, AllDays, ContactMoment.FirstKnown, Dimensions.Segment).OrderBy(r => r.Day).ThenBy(r => r.Value, StringComparer.Ordinal);
        var mqls = reader.ReadStageRollup(ws, AllDays, [ContactMoment.Mql]);

        Assert.Equal(
            [Count(3, "email", 1), Count(3, "paid_social", 1), Count(6, "email", 1)],
            leadsByChannel);
        Assert.Equal([Count(2, "", 1), Count(2, "enterprise", 1), Count(4, "enterprise", 1)], knownBySegment);
        Assert.Equal(
            [new StageRollupRow(BuilderTime.Date(6), ContactMoment.Mql, new ContactDims("email", null, null, null, null, "enterprise", null, null), 1)],
            mqls);

        // Proof that the reader reads the kept tables: rows planted under the mark's token (5 leads
        // on day 20) show up in what it answers.
        var token = Sql(writer, $"SELECT min(token) FROM stage_rollup_marks WHERE ws = {ws.Id} AND ver = {version}");
        writer.Main.Execute($"INSERT INTO stage_counts_kept VALUES ({ws.Id}, {version}, {token}, 0, 0, '2026-01-20', '', 5)");
        writer.Main.Execute($"INSERT INTO stage_rollup_kept VALUES ({ws.Id}, {version}, {token}, 0, '2026-01-20', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 5)");
        Assert.Equal(3 + 5, reader.ReadStageCounts(ws, AllDays, ContactMoment.Lead, null).Sum(r => r.Count));
        Assert.Contains(new StageRollupRow(BuilderTime.Date(20), ContactMoment.Lead, default, 5), reader.ReadStageRollup(ws, AllDays, [ContactMoment.Lead]));
    }

    [Fact]
    public void ReadStageCounts_AfterSessionBelowThreshold_FirstReadKeepsNewVersionAndDropsOld()
    {
        using var database = TestDatabase.Single();
        var writer = database.Open();
        writer.KeepRollupAtCommitFacts = 6;
        var ws = writer.GetOrCreateWorkspace("acme");
        Commit(writer, ws, Contacts, Stages);
        var first = writer.DataVersion(ws);

        // c2 becomes an MQL on day 7 (so an IQL on day 7 too): one fact, below the threshold.
        Commit(writer, ws, [], [new StageChangeBuilder("c2").Stage(Stage.Mql).EnteredAt(day: 7).Build()]);

        var second = writer.DataVersion(ws);
        Assert.NotEqual(first, second);
        Assert.Equal("0", Sql(writer, $"SELECT count() FROM stage_rollup_marks WHERE ws = {ws.Id} AND ver = {second}"));
        Assert.Equal("1", Sql(writer, $"SELECT count() FROM stage_rollup_marks WHERE ws = {ws.Id} AND ver = {first}"));

        var reader = database.Open();
        var mqls = reader.ReadStageCounts(ws, AllDays, ContactMoment.Mql, null).OrderBy(r => r.Day);
        var iqls = reader.ReadStageCounts(ws, AllDays, ContactMoment.Iql, null).OrderBy(r => r.Day).ToList();
        reader.WaitForKeeping(); // the reader keeps on a task of its own

        // c3 on day 6, c2 on day 7, for both.
        Assert.Equal([Count(6, "", 1), Count(7, "", 1)], mqls);
        Assert.Equal([Count(6, "", 1), Count(7, "", 1)], iqls);
        Assert.Equal("1", Sql(writer, $"SELECT count() FROM stage_rollup_marks WHERE ws = {ws.Id} AND ver = {second}"));
        Assert.Equal("4", Sql(writer, $"SELECT sum(n) FROM stage_counts_kept WHERE ws = {ws.Id} AND ver = {second} AND dimension = 0 AND moment IN (1, 2)"));
        foreach (var table in new[] { "stage_rollup_marks", "stage_rollup_kept", "stage_counts_kept" })
        {
            Assert.Equal("0", Sql(writer, $"SELECT count() FROM {table} WHERE ws = {ws.Id} AND ver = {first}"));
        }
    }

    [Fact]
    public void ReadStageRollup_EmptyAndMissingValues_KeptApart()
    {
        using var database = TestDatabase.Single();
        var writer = database.Open();
        writer.KeepRollupAtCommitFacts = 2;
        var ws = writer.GetOrCreateWorkspace("acme");
        // c1 with empty channel, segment and owner and no ICP fit; c2 with none of them at all.
        Commit(writer, ws, [
            new ContactBuilder("c1").CreatedAt(day: 2).Channel("").Segment("").Owner("").IcpFit(false).Build(),
            new ContactBuilder("c2").CreatedAt(day: 2).Build(),
        ], []);

        var reader = database.Open();
        var known = reader.ReadStageRollup(ws, AllDays, [ContactMoment.FirstKnown]).OrderBy(r => r.Dims.Channel is null);
        var bySegment = reader.ReadStageCounts(ws, AllDays, ContactMoment.FirstKnown, Dimensions.Segment);

        Assert.Equal(
            [
                new StageRollupRow(BuilderTime.Date(2), ContactMoment.FirstKnown, new ContactDims("", null, null, null, null, "", "", false), 1),
                new StageRollupRow(BuilderTime.Date(2), ContactMoment.FirstKnown, default, 1),
            ],
            known);
        // The per-dimension counts read a missing value as empty: both contacts under "".
        Assert.Equal([Count(2, "", 2)], bySegment);
        Assert.Equal(
            ["0\t\t0", "1\t\\N\t\\N"],
            SqlRows(writer, $"SELECT isNull(segment), segment, icp_fit FROM stage_rollup_kept WHERE ws = {ws.Id} AND moment = 9 ORDER BY isNull(segment)"));
    }

    [Fact]
    public void ReadStageCounts_VersionWrittenTwiceAndByADeadWriter_CountsEachContactOnce()
    {
        using var database = TestDatabase.Single();
        var writer = database.Open();
        writer.KeepRollupAtCommitFacts = 6;
        var ws = writer.GetOrCreateWorkspace("acme");
        Commit(writer, ws, Contacts, Stages);
        var version = writer.DataVersion(ws);
        var counts = new Dictionary<(ContactMoment, DateOnly, ContactDims), long>();
        StageRollup.Tally(counts, writer.ReadLifecycles(ws), StageRollup.DaysOf(ws.TimeZone), 1);

        // A second writer of the same version completes its rows and mark; a third died before its
        // mark, with the smallest token there is and ten times every count.
        KeptStageRollup.Write(writer.Main, ws.Id, version, ulong.MaxValue, counts);
        KeptStageRollup.Write(writer.Main, ws.Id, version, 1, counts.ToDictionary(c => c.Key, c => c.Value * 10), mark: false);

        Assert.Equal("2", Sql(writer, $"SELECT count() FROM stage_rollup_marks WHERE ws = {ws.Id} AND ver = {version}"));
        // Leads kept: 3 + 3 + 30 rows' worth.
        Assert.Equal("36", Sql(writer, $"SELECT sum(n) FROM stage_counts_kept WHERE ws = {ws.Id} AND ver = {version} AND moment = 0 AND dimension = 0"));
        var reader = database.Open();
        Assert.Equal([Count(3, "", 2), Count(6, "", 1)], reader.ReadStageCounts(ws, AllDays, ContactMoment.Lead, null).OrderBy(r => r.Day));
        Assert.Equal(8, reader.ReadStageRollup(ws, AllDays).Sum(r => r.Count));
    }

    [Fact]
    public void ReadStageCounts_SameQueryAfterANewerVersionIsKept_AnswersTheNewerVersion()
    {
        using var database = TestDatabase.Single();
        var writer = database.Open();
        writer.KeepRollupAtCommitFacts = 2;
        var ws = writer.GetOrCreateWorkspace("acme");
        Commit(writer, ws, Contacts, Stages);
        var reader = database.Open();
        var before = reader.ReadStageCounts(ws, AllDays, ContactMoment.Lead, null).OrderBy(r => r.Day).ToList();

        // c4, created and a lead on day 5: two facts, kept at commit.
        Commit(writer, ws, [new ContactBuilder("c4").CreatedAt(day: 5).Build()], [new StageChangeBuilder("c4").Stage(Stage.Lead).EnteredAt(day: 5).Build()]);

        Assert.Equal("1", Sql(writer, $"SELECT count() FROM stage_rollup_marks WHERE ws = {ws.Id} AND ver = {writer.DataVersion(ws)}"));
        Assert.Equal([Count(3, "", 2), Count(6, "", 1)], before);
        Assert.Equal([Count(3, "", 2), Count(5, "", 1), Count(6, "", 1)], reader.ReadStageCounts(ws, AllDays, ContactMoment.Lead, null).OrderBy(r => r.Day));
    }

    [Fact]
    public void ReadStageCounts_FirstReadAfterEachOfThreeSmallCommits_KeepsEachVersionAndRemembersOneClaim()
    {
        using var database = TestDatabase.Single();
        var writer = database.Open();
        writer.KeepRollupAtCommitFacts = int.MaxValue; // every version is kept by its first reader
        var ws = writer.GetOrCreateWorkspace("acme");
        Commit(writer, ws, Contacts, Stages);
        var reader = database.Open();
        var leads = new List<long>();
        var kept = new List<string?>();

        // c4, c5, c6: one contact and its lead a commit, day 10, 11, 12.
        foreach (var (id, day) in new[] { ("c4", 10), ("c5", 11), ("c6", 12) })
        {
            Commit(writer, ws, [new ContactBuilder(id).CreatedAt(day: day).Build()], [new StageChangeBuilder(id).Stage(Stage.Lead).EnteredAt(day: day).Build()]);
            leads.Add(reader.ReadStageCounts(ws, AllDays, ContactMoment.Lead, null).Sum(r => r.Count));
            leads.Add(reader.ReadStageCounts(ws, AllDays, ContactMoment.Lead, Dimensions.Channel).Sum(r => r.Count));
            reader.WaitForKeeping();
            kept.Add(Sql(writer, $"SELECT count() FROM stage_rollup_marks WHERE ws = {ws.Id} AND ver = {writer.DataVersion(ws)}"));
        }

        // Leads: the fixture's 3, then one more a commit, by day and by channel alike.
        Assert.Equal([4L, 4, 5, 5, 6, 6], leads);
        Assert.Equal(["1", "1", "1"], kept);
        // What the reader remembers of its keeping is one entry for the workspace, not one per version.
        Assert.Equal(1, reader.KeepClaims);
    }

    private static StageCountRow Count(int day, string value, long count) => new(BuilderTime.Date(day), value, count);

    private static void Commit(ClickHouseFactStore store, Workspace ws, Contact[] contacts, StageChange[] stages)
    {
        using var session = store.BeginWrite(ws);
        session.Write<Contact>(contacts, new List<int>());
        session.Write<StageChange>(stages, new List<int>());
        session.Commit();
    }

    private static string? Sql(ClickHouseFactStore store, string sql) => store.Main.QueryValue(sql);

    private static string[] SqlRows(ClickHouseFactStore store, string sql) =>
        [.. store.Main.QueryText(sql).Select(r => string.Join('\t', r.Select(v => v ?? "\\N")))];
}
