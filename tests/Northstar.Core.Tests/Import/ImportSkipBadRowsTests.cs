using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Import;

/// <summary>With <see cref="ImportOptions.SkipBadRows"/>: good rows committed, bad ones in a rejects file.</summary>
public sealed class ImportSkipBadRowsTests : IDisposable
{
    private static readonly ImportOptions Skip = ImportOptions.Default with { SkipBadRows = true };
    private readonly ImportFixture _fx = new();

    [Fact]
    public void Import_SkipBadRows_CommitsGoodRowsAndWritesRejects()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", """
            id,timestamp,type,note
            e1,2026-01-01T00:00:00Z,page_view,ok
            e2,2026-13-01,page_view,"bad, date"
            e3,2026-01-02T00:00:00Z,cta_click,
            e1,2026-01-01T00:00:00Z,form_submit,clash
            e4,2026-01-02T00:00:00Z,clicked,

            """, Skip);

        Assert.True(result.Committed);
        Assert.Equal((5L, 2L, 3L), (result.RowsRead, result.RowsStored, result.RowsRejected));
        Assert.Equal([new EventBuilder("e1").Property("note", "ok").Build(), new EventBuilder("e3").Type(EventType.CtaClick).At(day: 2).Build()], _fx.Read<EventFact>());
        Assert.Equal(Path.Combine(_fx.Folder, "events.rejects.csv"), result.RejectsPath);
        Assert.Equal(
            """
            id,timestamp,type,note,reject_line,reject_reason
            e2,2026-13-01,page_view,"bad, date",3,column 'timestamp': '2026-13-01' is not a date (expected ISO 8601)
            e1,2026-01-01T00:00:00Z,form_submit,clash,5,duplicate key 'e1': an earlier row of this file has the same key with different values
            e4,2026-01-02T00:00:00Z,clicked,,6,"column 'type': 'clicked' is not an event type (expected one of session_start, page_view, cta_view, cta_click, form_start, form_field, form_submit, email_sent, email_open, email_click, email_reply, meeting_booked, video_engaged, social_engaged, content_used, ad_impression, ad_click, identify, custom)"

            """,
            File.ReadAllText(result.RejectsPath!));
    }

    [Fact]
    public void Import_SkipBadRowsWithRejectsPath_WritesThere()
    {
        var rejects = Path.Combine(_fx.Folder, "bad-rows.csv");

        var result = _fx.Import(ImportFormat.Stages, "stages.csv", "contact_id;stage;entered_at\nc1;mql;2026-01-03\nc2;hot;2026-01-03\n", Skip with { RejectsPath = rejects });

        Assert.Equal(rejects, result.RejectsPath);
        Assert.Equal("contact_id;stage;entered_at;reject_line;reject_reason\nc2;hot;2026-01-03;3;column 'stage': 'hot' is not a stage (expected one of lead, iql, mql, sal, sql, opportunity, proposal, customer, churned)\n", File.ReadAllText(rejects));
        Assert.Equal([new StageChangeBuilder("c1").Stage(Stage.Mql).EnteredAt(day: 3).Build()], _fx.Read<StageChange>());
    }

    [Fact]
    public void Import_SkipBadRowsWithoutBadRows_WritesNoRejectsFile()
    {
        var result = _fx.Import(ImportFormat.Accounts, "accounts.csv", "account_id\nacc1\n", Skip);

        Assert.True(result.Succeeded);
        Assert.Null(result.RejectsPath);
        Assert.False(File.Exists(Path.Combine(_fx.Folder, "accounts.rejects.csv")));
    }

    [Fact]
    public void Import_SkipBadRowsButFileError_CommitsNothing()
    {
        var result = _fx.Import(ImportFormat.Accounts, "accounts.csv", "name\nAcme\n", Skip);

        Assert.False(result.Committed);
        Assert.Equal(0, _fx.Store.Commits);
        Assert.Null(result.RejectsPath);
    }

    [Fact]
    public void Import_SkipBadRowsWithTruncatedLastLine_RejectsItRaw()
    {
        var result = _fx.Import(ImportFormat.Accounts, "accounts.csv", "account_id,name\nacc1,A\nacc2,\"B", Skip);

        Assert.Equal(1, result.RowsStored);
        Assert.Equal(
            "account_id,name,reject_line,reject_reason\n\"acc2,\"\"B\",3,unterminated quoted field (the file ends inside quotes; truncated?)\n",
            File.ReadAllText(result.RejectsPath!));
    }

    public void Dispose() => _fx.Dispose();
}
