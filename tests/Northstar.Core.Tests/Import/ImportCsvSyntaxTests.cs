using System.Text;
using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Import;

/// <summary>What a CSV file may look like: BOM, ';', RFC 4180 quoting, CRLF, any column order and header spelling.</summary>
public sealed class ImportCsvSyntaxTests : IDisposable
{
    private readonly ImportFixture _fx = new();

    [Fact]
    public void Import_Utf8Bom_IsSkipped()
    {
        var path = _fx.WriteBytes("accounts.csv", [.. Encoding.UTF8.GetPreamble(), .. "account_id,name\nacc1,Acme\n"u8]);

        var result = _fx.Import(ImportFormat.Accounts, path);

        Assert.True(result.Succeeded);
        Assert.Equal([new AccountBuilder("acc1").Name("Acme").Build()], _fx.Read<Account>());
    }

    [Fact]
    public void Import_SemicolonDelimited_IsDetectedFromHeader()
    {
        var result = _fx.Import(ImportFormat.Deals, "deals.csv", """
            deal_id;created_at;status;amount;note
            d1;2026-01-05T00:00:00Z;won;1500.5;"a, b; c"

            """);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [new DealBuilder("d1").CreatedAt(5).Amount(1500.5m).Property("note", "a, b; c").Build() with { Status = DealStatus.Won }],
            _fx.Read<Deal>());
    }

    [Fact]
    public void Import_QuotedNewlinesAndDoubledQuotes_KeepTextAndLineNumbers()
    {
        var result = _fx.Import(ImportFormat.Surveys, "surveys.csv", "response_id,answered_at,score,comment\r\n"
            + "r1,2026-01-01T00:00:00Z,9,\"line one\r\nline \"\"two\"\"\nline three\"\r\n"
            + "r2,2026-01-01T00:00:00Z,eleven,\r\n");

        Assert.Equal(["surveys.csv:5: column 'score': 'eleven' is not a score from 0 to 10"], result.Errors.Select(e => e.ToString()));
        Assert.Equal(2, result.RowsRead);
    }

    [Fact]
    public void Import_QuotedNewlines_StoreTheTextExactly()
    {
        var result = _fx.Import(ImportFormat.Surveys, "surveys.csv", "response_id,answered_at,score,comment\r\n"
            + "r1,2026-01-01T00:00:00Z,9,\"line one\r\nline \"\"two\"\"\nline three\"\r\n");

        Assert.True(result.Succeeded);
        Assert.Equal("line one\r\nline \"two\"\nline three", Assert.Single(_fx.Read<SurveyAnswer>()).Comment);
    }

    [Fact]
    public void Import_ColumnsInAnyOrderAndSpelling_AreMatched()
    {
        var result = _fx.Import(ImportFormat.Contacts, "contacts.csv", """
            Owner, Segment ,Contact-ID,ICP Fit,Lead Score
            ana,smb,c1,TRUE,87

            """);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [new ContactBuilder("c1").CreatedAt(at: null).Owner("ana").Segment("smb").IcpFit(true).Property("lead_score", "87").Build()],
            _fx.Read<Contact>());
    }

    [Fact]
    public void Import_BlankLinesAndNoFinalNewline_AreFine()
    {
        var result = _fx.Import(ImportFormat.Accounts, "accounts.csv", "account_id,name\n\nacc1,A\n\r\nacc2,B");

        Assert.True(result.Succeeded);
        Assert.Equal(["acc1", "acc2"], _fx.Read<Account>().Select(a => a.AccountId));
    }

    [Fact]
    public void Import_RecordLongerThanTheReadBuffer_IsReadWhole()
    {
        var comment = new string('x', 3_000_000);

        var result = _fx.Import(ImportFormat.Surveys, "surveys.csv", $"response_id,answered_at,score,comment\nr1,2026-01-01T00:00:00Z,9,\"{comment}\"\nr2,2026-01-01T00:00:00Z,8,\n");

        Assert.True(result.Succeeded);
        Assert.Equal(comment, _fx.Read<SurveyAnswer>()[0].Comment);
        Assert.Equal(2, result.RowsStored);
    }

    [Fact]
    public void Import_TextAfterClosingQuote_IsABadRowAndTheNextRowsStillRead()
    {
        var result = _fx.Import(ImportFormat.Accounts, "accounts.csv", "account_id,name\nacc1,\"Acme\" Inc\nacc2,\"B\"\n");

        Assert.Equal(["accounts.csv:2: text after a closing quote (a quote inside a quoted field must be doubled)"], result.Errors.Select(e => e.ToString()));
        Assert.Equal(2, result.RowsRead);
    }

    [Fact]
    public void Import_ManyMultiLineRecordsAcrossReadBuffers_KeepsLineNumbers()
    {
        // 60,000 rows, every 7th with a comment over three lines: about 3 MB, so records
        // straddle the reader's 1 MB buffer. The bad score sits on a line counted here by hand.
        var text = new StringBuilder("response_id,answered_at,score,comment\n");
        var line = 2;
        var badLine = 0;
        for (var i = 0; i < 60_000; i++)
        {
            var multi = i % 7 == 0;
            var score = i == 59_990 ? "x" : "7";
            badLine = i == 59_990 ? line : badLine;
            text.Append($"r{i},2026-01-01T00:00:00Z,{score},{(multi ? "\"first\nsecond, \"\"quoted\"\"\nthird\"" : "plain")}\n");
            line += multi ? 3 : 1;
        }

        var result = _fx.Import(ImportFormat.Surveys, "surveys.csv", text.ToString());

        Assert.Equal([$"surveys.csv:{badLine}: column 'score': 'x' is not a score from 0 to 10"], result.Errors.Select(e => e.ToString()));
        Assert.Equal(60_000, result.RowsRead);
    }

    [Fact]
    public void Import_ManyMultiLineRecords_StoreEveryCommentWhole()
    {
        var rows = Enumerable.Range(0, 30_000).Select(i => $"r{i:D5},2026-01-01T00:00:00Z,7,\"a,\nb \"\"{i}\"\"\"\n");

        var result = _fx.Import(ImportFormat.Surveys, "surveys.csv", "response_id,answered_at,score,comment\n" + string.Concat(rows));

        Assert.True(result.Succeeded);
        var answers = _fx.Read<SurveyAnswer>();
        Assert.Equal(30_000, answers.Count);
        Assert.All(answers, a => Assert.Equal($"a,\nb \"{int.Parse(a.ResponseId[1..], System.Globalization.CultureInfo.InvariantCulture)}\"", a.Comment));
    }

    public void Dispose() => _fx.Dispose();
}
