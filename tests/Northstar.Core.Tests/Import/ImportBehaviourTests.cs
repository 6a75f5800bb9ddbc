using Northstar.Core.Channels;
using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Import;

/// <summary>Idempotence, updates, time zones, derived ids and channels, progress and cancellation.</summary>
public sealed class ImportBehaviourTests : IDisposable
{
    private const string Events = """
        id,timestamp,type,channel
        e1,2026-01-01T00:00:00Z,page_view,email
        e2,2026-01-02T00:00:00Z,cta_click,

        """;

    private readonly ImportFixture _fx = new();

    [Fact]
    public void Import_SameFileTwice_ChangesNothing()
    {
        _fx.Import(ImportFormat.Events, "events.csv", Events);
        var before = _fx.Read<EventFact>();

        var again = _fx.Import(ImportFormat.Events, "events.csv", Events);

        Assert.True(again.Succeeded);
        Assert.Equal(before, _fx.Read<EventFact>());
        Assert.Equal(2, before.Count);
    }

    [Fact]
    public void Import_ChangedRow_UpdatesItsFact()
    {
        _fx.Import(ImportFormat.Events, "events.csv", Events);

        _fx.Import(ImportFormat.Events, "events2.csv", "id,timestamp,type,channel\ne2,2026-01-02T00:00:00Z,form_submit,direct\n");

        Assert.Equal(
            [new EventBuilder("e1").Channel("email").Build(), new EventBuilder("e2").At(day: 2).FormSubmit().Channel("direct").Build()],
            _fx.Read<EventFact>());
    }

    [Fact]
    public void Import_TimestampWithoutOffset_UsesWorkspaceZone()
    {
        _fx.UseTimeZone("Europe/Berlin");

        _fx.Import(ImportFormat.Stages, "stages.csv", """
            contact_id,stage,entered_at
            c1,lead,2026-01-15T12:00
            c1,mql,2026-07-01 12:00:00
            c1,sql,2026-07-01T12:00:00+05:30
            c1,customer,2026-07-02

            """);

        // Berlin is UTC+1 in January and UTC+2 (summer time) in July; an explicit offset wins.
        Assert.Equal(
            [
                new DateTimeOffset(2026, 7, 1, 22, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 1, 15, 11, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 7, 1, 6, 30, 0, TimeSpan.Zero),
            ],
            _fx.Read<StageChange>().Select(s => s.EnteredAt));
    }

    [Fact]
    public void Import_TimeZoneOption_OverridesWorkspaceZone()
    {
        var path = _fx.Write("stages.csv", "contact_id,stage,entered_at\nc1,lead,2026-01-15T12:00:00\n");

        _fx.Import(ImportFormat.Stages, path, ImportOptions.Default with { TimeZone = "America/New_York" });

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 17, 0, 0, TimeSpan.Zero), Assert.Single(_fx.Read<StageChange>()).EnteredAt);
    }

    [Fact]
    public void Import_EventsWithoutId_GetAStableContentHash()
    {
        _fx.Import(ImportFormat.Events, "a.csv", "timestamp,type,page\n2026-01-01T00:00:00Z,page_view,/a\n2026-01-01T00:00:00Z,page_view,/b\n");

        // Same rows, other column order, ';', quotes and an empty extra column: the same two events.
        var again = _fx.Import(ImportFormat.Events, "b.csv", "page;empty;type;timestamp\n\"/b\";;page_view;2026-01-01T00:00:00Z\n/a;;page_view;2026-01-01T00:00:00Z\n");

        var ids = _fx.Read<EventFact>().Select(e => e.Id).ToList();
        Assert.True(again.Succeeded);
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.Matches("^h[0-9a-f]{32}$", id));
    }

    [Fact]
    public void Import_EventIdHash_IsSha256OfSortedNameValuePairs()
    {
        _fx.Import(ImportFormat.Events, "a.csv", "type,timestamp\npage_view,2026-01-01T00:00:00Z\n");

        // The documented recipe, worked out independently of the importer's code.
        var content = "timestamp\u001F2026-01-01T00:00:00Z\u001Etype\u001Fpage_view\u001E"u8.ToArray();
        var expected = "h" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)[..16]);
        Assert.Equal(expected, Assert.Single(_fx.Read<EventFact>()).Id);
    }

    [Fact]
    public void Import_EmptyChannel_IsDerivedWithWorkspaceRules()
    {
        _fx.Store.SetChannelRules(_fx.Workspace, [new ChannelRule("partners", Source: "^partnerco$")]);

        _fx.Import(ImportFormat.Events, "events.csv", """
            id,timestamp,type,source,medium,channel
            e1,2026-01-01T00:00:00Z,session_start,google,cpc,
            e2,2026-01-01T00:00:00Z,session_start,partnerco,referral,
            e3,2026-01-01T00:00:00Z,session_start,,,
            e4,2026-01-01T00:00:00Z,page_view,,,
            e5,2026-01-01T00:00:00Z,session_start,google,cpc,email

            """);

        Assert.Equal(["paid_search", "partners", "direct", null, "email"], _fx.Read<EventFact>().Select(e => e.Channel));
    }

    [Fact]
    public void Import_ContactWithoutChannel_IsDerivedFromUtm()
    {
        _fx.Import(ImportFormat.Contacts, "contacts.csv", "contact_id,source,medium\nc1,newsletter,email\nc2,,\n");

        Assert.Equal(["email", null], _fx.Read<Contact>().Select(c => c.Channel));
    }

    [Fact]
    public void Import_Progress_ReportsRowsAndBytesAtTheEnd()
    {
        var path = _fx.Write("events.csv", Events);
        var reports = new List<ImportProgress>();

        new CsvImporter(_fx.Store).Import(_fx.Workspace, ImportFormat.Events, path, null, new SyncProgress(reports.Add));

        Assert.Equal(new ImportProgress(new FileInfo(path).Length, new FileInfo(path).Length, 2), reports[^1]);
    }

    [Fact]
    public void Import_ProgressOnLargeFile_ReportsEvery64kRows()
    {
        var rows = string.Concat(Enumerable.Range(0, 140_000).Select(i => $"e{i},2026-01-01T00:00:00Z,page_view\n"));
        var path = _fx.Write("events.csv", "id,timestamp,type\n" + rows);
        var reports = new List<ImportProgress>();

        var result = new CsvImporter(_fx.Store).Import(_fx.Workspace, ImportFormat.Events, path, null, new SyncProgress(reports.Add));

        Assert.Equal([65_536L, 131_072L, 140_000L], reports.Select(r => r.RowsRead));
        Assert.Equal(140_000, result.RowsStored);
    }

    [Fact]
    public void Import_Cancelled_ThrowsAndStoresNothing()
    {
        var rows = string.Concat(Enumerable.Range(0, 70_000).Select(i => $"e{i},2026-01-01T00:00:00Z,page_view\n"));
        var path = _fx.Write("events.csv", "id,timestamp,type\n" + rows);

        Assert.Throws<OperationCanceledException>(() =>
            new CsvImporter(_fx.Store).Import(_fx.Workspace, ImportFormat.Events, path, null, null, new CancellationToken(canceled: true)));

        Assert.Empty(_fx.Read<EventFact>());
        Assert.Equal(0, _fx.Store.Commits);
    }

    public void Dispose() => _fx.Dispose();

    /// <summary>Reports on the importer's thread (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
