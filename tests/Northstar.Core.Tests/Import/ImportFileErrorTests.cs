using System.Text;
using Northstar.Core.Facts;
using Northstar.Core.Import;

namespace Northstar.Core.Tests.Import;

/// <summary>Problems with the file as a whole: it imports nothing and says why.</summary>
public sealed class ImportFileErrorTests : IDisposable
{
    private readonly ImportFixture _fx = new();

    [Fact]
    public void Import_ZeroByteFile_SaysItIsEmpty()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", "");

        AssertFailed(result, "events.csv: the file is empty (0 bytes)");
    }

    [Fact]
    public void Import_HeaderOnly_SaysNoDataRows()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", "id,timestamp,type\n");

        AssertFailed(result, "events.csv: no data rows (the file has a header only)");
    }

    [Fact]
    public void Import_MissingRequiredColumn_NamesIt()
    {
        var result = _fx.Import(ImportFormat.Contacts, "contacts.csv", "id,created_at\nc1,2026-01-01\n");

        AssertFailed(result, "contacts.csv:1: missing required column 'contact_id'");
    }

    [Fact]
    public void Import_EventsWithoutTypeAndTimestamp_NamesBoth()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", "id,when\ne1,2026-01-01\n");

        AssertFailed(result, "events.csv:1: missing required column 'timestamp'", "events.csv:1: missing required column 'type'");
    }

    [Fact]
    public void Import_DuplicateHeader_IsAFileError()
    {
        var result = _fx.Import(ImportFormat.Accounts, "accounts.csv", "account_id,Name,name\nacc1,a,b\n");

        AssertFailed(result, "accounts.csv:1: column 'name' appears more than once");
    }

    [Fact]
    public void Import_NulBytes_SaysBinaryWithOffset()
    {
        byte[] bytes = [.. "id,timestamp,type\ne1,2026-01-01T00:00:00Z,page_view\ne2,"u8, 0, 1, 2, .. "\n"u8];
        var path = _fx.WriteBytes("events.csv", bytes);

        var result = _fx.Import(ImportFormat.Events, path);

        // "id,timestamp,type\n" is 18 bytes, the first row 34 more, then "e2," : the NUL is byte 55.
        Assert.Contains("events.csv:3: NUL byte at byte offset 55: this is not a UTF-8 text file", result.Errors.Select(e => e.ToString()));
        Assert.False(result.Committed);
        Assert.Empty(_fx.Read<EventFact>());
    }

    [Fact]
    public void Import_InvalidUtf8_SaysSoWithOffset()
    {
        byte[] bytes = [.. "id,timestamp,type\ne1,2026-01-01T00:00:00Z,page_"u8, 0xFF, 0xFE, .. "view\n"u8];
        var path = _fx.WriteBytes("events.csv", bytes);

        var result = _fx.Import(ImportFormat.Events, path);

        AssertFailed(result, "events.csv:2: invalid UTF-8 at byte offset 47: this is not a UTF-8 text file");
    }

    [Fact]
    public void Import_Utf16File_IsNotText()
    {
        var path = _fx.WriteBytes("events.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id,timestamp,type\n")).ToArray());

        var result = _fx.Import(ImportFormat.Events, path);

        AssertFailed(result, "events.csv: invalid UTF-8 at byte offset 0: this is not a UTF-8 text file");
    }

    [Fact]
    public void Import_UnterminatedQuoteOnLastLine_ReportsTheLineItStartsOn()
    {
        var result = _fx.Import(ImportFormat.Surveys, "surveys.csv", "response_id,answered_at,score,comment\nr1,2026-01-01T00:00:00Z,9,fine\nr2,2026-01-01T00:00:00Z,3,\"it was\nnot");

        AssertFailed(result, "surveys.csv:3: unterminated quoted field (the file ends inside quotes; truncated?)");
        Assert.Equal(2, result.RowsRead);
    }

    [Fact]
    public void Import_TooFewFieldsOnLastLine_SaysTruncated()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", "id,timestamp,type\ne1,2026-01-01T00:00:00Z,page_view\ne2,2026-01-0");

        AssertFailed(result, "events.csv:3: the row has 2 fields but the header has 3 (truncated line?)");
    }

    [Fact]
    public void Import_MissingFile_IsATypedError()
    {
        var result = _fx.Import(ImportFormat.Events, Path.Combine(_fx.Folder, "nope.csv"));

        AssertFailed(result, "nope.csv: file not found");
    }

    [Fact]
    public void Import_UnknownTimeZone_IsATypedError()
    {
        var path = _fx.Write("events.csv", "id,timestamp,type\ne1,2026-01-01T00:00:00,page_view\n");

        var result = _fx.Import(ImportFormat.Events, path, ImportOptions.Default with { TimeZone = "Mars/Olympus" });

        AssertFailed(result, "events.csv: unknown time zone 'Mars/Olympus' (expected an IANA name like Europe/Berlin)");
    }

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Import_QuoteThatNeverClosesInAHugeFile_StopsWithAFileErrorInsteadOfReadingItAllIntoMemory()
    {
        // A quote opened on line 3 swallows the rest: 65 MiB of rows, past the reader's 64 MiB record limit.
        var path = Path.Combine(_fx.Folder, "huge.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("id,timestamp,type\ne1,2025-01-01T00:00:00Z,page_view\n\"e2,2025-01-01T00:00:00Z,page_view\n");
            var row = new string('x', 1023) + "\n";
            for (var i = 0; i < 65 * 1024; i++)
            {
                writer.Write(row);
            }
        }

        var result = _fx.Import(ImportFormat.Events, path);

        Assert.False(result.Committed);
        var error = Assert.Single(result.Errors);
        Assert.Contains("longer than 64 MiB", error.Reason, StringComparison.Ordinal);
        Assert.Empty(_fx.Read<Core.Facts.EventFact>());
    }

    [Fact]
    public void Import_MissingColumnAfterBlankLines_NamesTheHeaderLine()
    {
        var result = _fx.Import(ImportFormat.Events, "e.csv", "\n\nid,timestamp\ne1,2024-03-01T10:00:00Z\n");

        Assert.False(result.Committed);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }


    private void AssertFailed(ImportResult result, params string[] errors)
    {
        Assert.Equal(errors, result.Errors.Select(e => e.ToString()));
        Assert.False(result.Committed);
        Assert.Equal(0, _fx.Store.Commits);
    }
}
