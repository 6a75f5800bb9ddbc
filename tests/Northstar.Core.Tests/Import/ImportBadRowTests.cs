using Northstar.Core.Facts;
using Northstar.Core.Import;

namespace Northstar.Core.Tests.Import;

/// <summary>Bad cells and rows: each is reported with file, line, column and reason, and the file stores nothing.</summary>
public sealed class ImportBadRowTests : IDisposable
{
    private readonly ImportFixture _fx = new();

    [Fact]
    public void Import_WrongDate_ReportsLineColumnAndValueAndStoresNothing()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", """
            id,timestamp,type
            e1,2025-03-01T10:00:00Z,page_view
            e2,2025-13-01,page_view

            """);

        AssertNothingStored(result, "events.csv:3: column 'timestamp': '2025-13-01' is not a date (expected ISO 8601)");
        Assert.Equal(2, result.RowsRead);
        Assert.Empty(_fx.Read<EventFact>());
    }

    [Fact]
    public void Import_NegativeAmount_IsRejected()
    {
        var result = _fx.Import(ImportFormat.Deals, "deals.csv", """
            deal_id,created_at,status,amount
            d1,2026-01-05T00:00:00Z,won,-5

            """);

        AssertNothingStored(result, "deals.csv:2: column 'amount': '-5' is negative; it cannot be");
    }

    [Fact]
    public void Import_NonNumericAmount_IsRejected()
    {
        var result = _fx.Import(ImportFormat.Spend, "spend.csv", """
            date,channel,campaign,kind,amount
            2026-02-14,paid_search,brand,media,$120

            """);

        AssertNothingStored(result, "spend.csv:2: column 'amount': '$120' is not a number (expected a plain decimal like 1234.5)");
    }

    [Fact]
    public void Import_ThousandsSeparator_IsRejectedNotGuessed()
    {
        var result = _fx.Import(ImportFormat.Subscriptions, "subscriptions.csv", """
            subscription_id,started_at,mrr
            sub1,2026-01-10T00:00:00Z,"1,234.50"

            """);

        AssertNothingStored(result, "subscriptions.csv:2: column 'mrr': '1,234.50' has a thousands separator or decimal comma (write a plain decimal like 1234.5)");
    }

    [Fact]
    public void Import_UnknownStage_NamesTheStages()
    {
        var result = _fx.Import(ImportFormat.Stages, "stages.csv", """
            contact_id,stage,entered_at
            c1,hot,2026-01-10T00:00:00Z

            """);

        AssertNothingStored(result, "stages.csv:2: column 'stage': 'hot' is not a stage (expected one of lead, iql, mql, sal, sql, opportunity, proposal, customer, churned)");
    }

    [Fact]
    public void Import_UnknownEventType_IsRejected()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", """
            id,timestamp,type
            e1,2026-01-10T00:00:00Z,click

            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new ImportError("events.csv", 2, "type", error.Reason), error);
        Assert.StartsWith("'click' is not an event type (expected one of session_start, page_view,", error.Reason, StringComparison.Ordinal);
        Assert.False(result.Committed);
    }

    [Fact]
    public void Import_NpsScoreOutOfRange_IsRejected()
    {
        var result = _fx.Import(ImportFormat.Surveys, "surveys.csv", """
            response_id,answered_at,score
            r1,2026-01-10T00:00:00Z,11
            r2,2026-01-10T00:00:00Z,7.5

            """);

        AssertNothingStored(
            result,
            "surveys.csv:2: column 'score': '11' is not a score from 0 to 10",
            "surveys.csv:3: column 'score': '7.5' is not a score from 0 to 10");
    }

    [Fact]
    public void Import_EmptyRequiredCellAndBadBool_ReportsEveryErrorOfTheRow()
    {
        var result = _fx.Import(ImportFormat.Contacts, "contacts.csv", """
            contact_id,icp_fit
            ,yes

            """);

        AssertNothingStored(
            result,
            "contacts.csv:2: column 'contact_id': is empty; a value is required",
            "contacts.csv:2: column 'icp_fit': 'yes' is not true or false");
        Assert.Equal(1, result.RowsRejected);
    }

    [Fact]
    public void Import_SeveralBadRows_ReportsEveryOneNotJustTheFirst()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", """
            id,timestamp,type
            e1,yesterday,page_view
            e2,2026-01-10T00:00:00Z,page_view
            e3,2026-01-10T00:00:00Z,clicked
            e4,2026-01-10T25:00:00Z,page_view

            """);

        Assert.Equal([2, 4, 5], result.Errors.Select(e => e.Line));
        Assert.Equal(3, result.ErrorCount);
        Assert.Equal(3, result.RowsRejected);
        Assert.Equal(4, result.RowsRead);
        Assert.False(result.Committed);
        Assert.Empty(_fx.Read<EventFact>());
    }

    [Fact]
    public void Import_DuplicateKeyWithDifferentValues_ReportsTheLaterLine()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", """
            id,timestamp,type
            e1,2026-01-10T00:00:00Z,page_view
            e2,2026-01-10T00:00:00Z,page_view
            e1,2026-01-10T00:00:00Z,cta_click

            """);

        AssertNothingStored(result, "events.csv:4: duplicate key 'e1': an earlier row of this file has the same key with different values");
        Assert.Equal(1, result.RowsRejected);
    }

    [Fact]
    public void Import_DuplicateKeyInALaterBatch_StillReportsItsOwnLine()
    {
        var result = _fx.Import(
            ImportFormat.Accounts,
            "accounts.csv",
            "account_id,name\nacc1,A\nacc2,B\nacc3,C\nacc2,Other\n",
            ImportOptions.Default with { BatchSize = 2 });

        AssertNothingStored(result, "accounts.csv:5: duplicate key 'acc2': an earlier row of this file has the same key with different values");
    }

    [Fact]
    public void Import_DuplicateKeyWithSameValues_IsFine()
    {
        var result = _fx.Import(ImportFormat.Stages, "stages.csv", """
            contact_id,stage,entered_at
            c1,mql,2026-01-10T00:00:00Z
            c1,mql,2026-01-10T00:00:00Z

            """);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.RowsStored);
        Assert.Single(_fx.Read<StageChange>());
    }

    [Fact]
    public void Import_ErrorCap_KeepsFirstErrorsAndCountsAll()
    {
        var rows = string.Concat(Enumerable.Range(1, 30).Select(i => $"e{i},never,page_view\n"));

        var result = _fx.Import(ImportFormat.Events, "events.csv", "id,timestamp,type\n" + rows, ImportOptions.Default with { MaxErrorsKept = 10 });

        Assert.Equal(10, result.Errors.Count);
        Assert.Equal(30, result.ErrorCount);
        Assert.Equal(Enumerable.Range(2, 10), result.Errors.Select(e => e.Line));
    }

    public void Dispose() => _fx.Dispose();

    private void AssertNothingStored(ImportResult result, params string[] errors)
    {
        Assert.Equal(errors, result.Errors.Select(e => e.ToString()));
        Assert.False(result.Committed);
        Assert.Equal(0, result.RowsStored);
        Assert.Equal(0, _fx.Store.Commits);
    }
}
