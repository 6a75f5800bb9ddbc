using Northstar.Core.Facts;
using Northstar.Core.Import;

namespace Northstar.Core.Tests.Import;

/// <summary>
/// Every bad-row case, once more with <see cref="ImportOptions.SkipBadRows"/>: the good row
/// (line 2) is stored, the bad one (line 3) is the rejects file's only row, with its reason.
/// </summary>
public sealed class ImportSkipBadRowsCasesTests : IDisposable
{
    private readonly ImportFixture _fx = new();

    public static TheoryData<ImportFormat, string, string, string, string> Cases => new()
    {
        { ImportFormat.Events, "id,timestamp,type", "e1,2026-01-01T00:00:00Z,page_view", "e2,2025-13-01,page_view", "column 'timestamp': '2025-13-01' is not a date" },
        { ImportFormat.Events, "id,timestamp,type", "e1,2026-01-01T00:00:00Z,page_view", "e2,2026-01-01T00:00:00Z,click", "column 'type': 'click' is not an event type" },
        { ImportFormat.Events, "id,timestamp,type", "e1,2026-01-01T00:00:00Z,page_view", "e1,2026-01-01T00:00:00Z,cta_view", "duplicate key 'e1'" },
        { ImportFormat.Events, "id,timestamp,type", "e1,2026-01-01T00:00:00Z,page_view", "e2,2026-01-0", "the row has 2 fields but the header has 3 (truncated line?)" },
        { ImportFormat.Deals, "deal_id,created_at,status,amount", "d1,2026-01-01,won,10", "d2,2026-01-01,won,-10", "column 'amount': '-10' is negative" },
        { ImportFormat.Deals, "deal_id,created_at,status,amount", "d1,2026-01-01,won,10", "d2,2026-01-01,won,ten", "column 'amount': 'ten' is not a number" },
        { ImportFormat.Deals, "deal_id;created_at;status;amount", "d1;2026-01-01;won;10", "d2;2026-01-01;won;1,000", "column 'amount': '1,000' has a thousands separator" },
        { ImportFormat.Stages, "contact_id,stage,entered_at", "c1,mql,2026-01-01", "c2,warm,2026-01-01", "column 'stage': 'warm' is not a stage" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_SkipBadRows_StoresGoodRowAndRejectsBadOne(ImportFormat format, string header, string good, string bad, string reason)
    {
        var result = _fx.Import(format, "in.csv", $"{header}\n{good}\n{bad}\n", ImportOptions.Default with { SkipBadRows = true });

        Assert.True(result.Committed);
        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.RowsStored, result.RowsRejected));
        Assert.Equal(1, StoredCount(format));
        var rejects = File.ReadAllLines(result.RejectsPath!);
        var delimiter = header.Contains(';', StringComparison.Ordinal) ? ";" : ",";
        Assert.Equal(2, rejects.Length);
        Assert.Equal($"{header}{delimiter}reject_line{delimiter}reject_reason", rejects[0]);
        Assert.StartsWith($"{bad}{delimiter}3{delimiter}", rejects[1], StringComparison.Ordinal);
        Assert.Contains(reason, rejects[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("id,timestamp,type\n")]
    [InlineData("id,when,type\ne1,2026-01-01T00:00:00Z,page_view\n")]
    [InlineData("id,timestamp,type\ne1,2026-01-01T00:00:00Z,page_view\ne2,\0\0,page_view\n")]
    public void Import_SkipBadRowsWithFileError_StoresNothing(string text)
    {
        var result = _fx.Import(ImportFormat.Events, "in.csv", text, ImportOptions.Default with { SkipBadRows = true });

        Assert.False(result.Committed);
        Assert.NotEmpty(result.Errors);
        Assert.Equal(0, _fx.Store.Commits);
        Assert.Null(result.RejectsPath);
    }

    public void Dispose() => _fx.Dispose();

    private int StoredCount(ImportFormat format) => format switch
    {
        ImportFormat.Events => _fx.Read<EventFact>().Count,
        ImportFormat.Deals => _fx.Read<Deal>().Count,
        _ => _fx.Read<StageChange>().Count,
    };
}
