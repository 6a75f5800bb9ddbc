using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Import;

/// <summary>Each kind's canonical CSV (every column set in one row, only the key and required ones in another) comes back field by field.</summary>
public sealed class ImportRoundTripTests : IDisposable
{
    private readonly ImportFixture _fx = new();

    [Fact]
    public void Import_Events_RoundTripEveryField()
    {
        var result = _fx.Import(ImportFormat.Events, "events.csv", """
            id,timestamp,type,anonymous_id,contact_id,session_id,source,medium,campaign,channel,landing_page,page,referrer,cta,form,field,variant,asset,value,browser,plan
            e1,2026-01-03T09:30:00Z,session_start,a1,c1,s1,google,cpc,spring,paid_search,/pricing,/pricing?x=1,https://www.google.com/,demo,signup,email,b,ebook-1,12.5,firefox,pro
            e2,2026-01-01T00:00:00Z,page_view,,,,,,,,,,,,,,,,,,

            """);

        AssertStored(result, 2);
        Assert.Equal([new EventBuilder("e1").Full().Build(), new EventBuilder("e2").Build()], _fx.Read<EventFact>());
    }

    [Fact]
    public void Import_Contacts_RoundTripEveryField()
    {
        var result = _fx.Import(ImportFormat.Contacts, "contacts.csv", """
            contact_id,created_at,account_id,segment,icp_fit,source,medium,campaign,channel,owner,title
            c1,2026-01-02T14:00:00Z,acc1,enterprise,true,linkedin,paid_social,q1,paid_social,ana,CMO
            c2,,,,false,,,,,,

            """);

        AssertStored(result, 2);
        Assert.Equal([new ContactBuilder("c1").Full().Build(), new ContactBuilder("c2").CreatedAt(at: null).IcpFit(false).Build()], _fx.Read<Contact>());
    }

    [Fact]
    public void Import_Stages_RoundTripEveryField()
    {
        var result = _fx.Import(ImportFormat.Stages, "stages.csv", """
            contact_id,stage,entered_at,by
            c1,opportunity,2026-01-12T16:00:00Z,crm
            c1,churned,2026-10-27T00:00:00Z,

            """);

        AssertStored(result, 2);
        Assert.Equal(
            [new StageChangeBuilder("c1").Stage(Stage.Churned).EnteredAt(day: 300).Build(), new StageChangeBuilder("c1").Stage(Stage.Opportunity).EnteredAt(day: 12, hour: 16).Property("by", "crm").Build()],
            _fx.Read<StageChange>());
    }

    [Fact]
    public void Import_Accounts_RoundTripEveryField()
    {
        var result = _fx.Import(ImportFormat.Accounts, "accounts.csv", """
            account_id,name,segment,industry,created_at,country
            acc1,Acme,mid_market,software,2026-01-04,DE
            acc2,,,,,

            """);

        AssertStored(result, 2);
        Assert.Equal([new AccountBuilder("acc1").Full().Build(), new AccountBuilder("acc2").Build()], _fx.Read<Account>());
    }

    [Fact]
    public void Import_Deals_RoundTripEveryField()
    {
        var result = _fx.Import(ImportFormat.Deals, "deals.csv", """
            deal_id,contact_id,account_id,created_at,closed_at,status,amount,list_amount,type,source,region
            d1,c1,acc1,2026-01-05T00:00:00Z,2026-02-09T00:00:00Z,won,1100000.25,1250000,expansion,partner,emea
            d2,,,2026-01-01T00:00:00Z,,open,,,,,

            """);

        AssertStored(result, 2);
        Assert.Equal([new DealBuilder("d1").Full().Build(), new DealBuilder("d2").Build()], _fx.Read<Deal>());
    }

    [Fact]
    public void Import_Spend_RoundTripsEveryField()
    {
        var result = _fx.Import(ImportFormat.Spend, "spend.csv", """
            date,channel,campaign,kind,amount,impressions,clicks,network
            2026-02-14,paid_social,q1 launch,creative,1234.56,100000,2500,linkedin
            2026-02-14,paid_social,,service,0.01,,,

            """);

        AssertStored(result, 2);
        Assert.Equal(
            [
                new SpendBuilder("paid_social").On(45).Campaign("q1 launch").Kind(SpendKind.Creative).Amount(1234.56m).Delivery(100_000, 2_500).Property("network", "linkedin").Build(),
                new SpendBuilder("paid_social").On(45).Kind(SpendKind.Service).Amount(0.01m).Build(),
            ],
            _fx.Read<Spend>());
    }

    [Fact]
    public void Import_Subscriptions_RoundTripEveryField()
    {
        var result = _fx.Import(ImportFormat.Subscriptions, "subscriptions.csv", """
            subscription_id,account_id,started_at,ended_at,mrr,renewal_due_at,renewed,plan
            sub1,acc1,2026-01-10T00:00:00Z,2026-07-19T00:00:00Z,999.99,2027-01-10T00:00:00Z,false,pro
            sub2,,2026-01-01T00:00:00Z,,1000,,,

            """);

        AssertStored(result, 2);
        Assert.Equal(
            [
                new SubscriptionBuilder("sub1").Account("acc1").StartedAt(10).EndedAt(200).Mrr(999.99m).RenewalDue(375, renewed: false).Property("plan", "pro").Build(),
                new SubscriptionBuilder("sub2").Build(),
            ],
            _fx.Read<Subscription>());
    }

    [Fact]
    public void Import_Surveys_RoundTripEveryField()
    {
        var result = _fx.Import(ImportFormat.Surveys, "surveys.csv", """
            response_id,answered_at,contact_id,account_id,score,comment,wave
            r1,2026-01-07T11:00:00Z,c1,acc1,0,"Too ""slow"", sorry; ünïcode ✓",2
            r2,2026-01-01T00:00:00Z,,,10,,

            """);

        AssertStored(result, 2);
        Assert.Equal(
            [
                new SurveyAnswerBuilder("r1").Score(0).AnsweredAt(day: 7, hour: 11).By("c1", "acc1").Comment("Too \"slow\", sorry; ünïcode ✓").Property("wave", "2").Build(),
                new SurveyAnswerBuilder("r2").Score(10).Build(),
            ],
            _fx.Read<SurveyAnswer>());
    }

    [Fact]
    public void Import_Series_RoundTripEveryField()
    {
        var result = _fx.Import(ImportFormat.Series, "series.csv", """
            date,metric,dimension,value,src
            2026-01-03,mentions,brand=acme;sentiment=positive,0.30000000000000004,x
            2026-01-03,brand_search_volume,,-12.75,

            """);

        AssertStored(result, 2);
        Assert.Equal(
            [
                new SeriesPointBuilder("brand_search_volume").On(3).Value(-12.75).Build(),
                new SeriesPointBuilder("mentions").On(3).Dimension("brand=acme;sentiment=positive").Value(0.1 + 0.2).Property("src", "x").Build(),
            ],
            _fx.Read<SeriesPoint>());
    }

    [Fact]
    public void Import_Activities_RoundTripEveryField()
    {
        var result = _fx.Import(ImportFormat.Activities, "activities.csv", """
            activity_id,timestamp,contact_id,account_id,kind,asset,owner,minutes
            act1,2026-01-08T10:00:00Z,c1,acc1,meeting,case-study,bo,30
            act2,2026-01-01T00:00:00Z,,,ticket,,,

            """);

        AssertStored(result, 2);
        Assert.Equal(
            [
                new ActivityBuilder("act1").Kind(ActivityKind.Meeting).At(day: 8, hour: 10).For("c1", "acc1").Asset("case-study").Owner("bo").Property("minutes", "30").Build(),
                new ActivityBuilder("act2").Kind(ActivityKind.Ticket).Build(),
            ],
            _fx.Read<Activity>());
    }

    public void Dispose() => _fx.Dispose();

    private static void AssertStored(ImportResult result, int rows)
    {
        Assert.Empty(result.Errors);
        Assert.True(result.Committed);
        Assert.Equal(rows, result.RowsRead);
        Assert.Equal(rows, result.RowsStored);
        Assert.Equal(0, result.RowsRejected);
    }
}
