using Northstar.Core.Facts;
using Northstar.Testing.Builders;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>Round trips: every field of every kind, set and unset, comes back equal.</summary>
public abstract partial class FactStoreContract
{
    [Fact]
    public void Read_Events_ComeBackWithEveryFieldAndNull() =>
        AssertRoundTrip(new EventBuilder("e-full").Full().Build(), new EventBuilder("e-sparse").Build());

    [Fact]
    public void Read_Contacts_ComeBackWithEveryFieldAndNull() =>
        AssertRoundTrip(new ContactBuilder("c-full").Full().Build(), new ContactBuilder("c-sparse").CreatedAt(at: null).IcpFit(false).Build());

    [Fact]
    public void Read_StageChanges_ComeBackWithEveryField() =>
        AssertRoundTrip(
            new StageChangeBuilder("c1").Stage(Stage.Opportunity).EnteredAt(day: 12, hour: 16).Property("by", "crm").Build(),
            new StageChangeBuilder("c1").Stage(Stage.Churned).EnteredAt(day: 300).Build());

    [Fact]
    public void Read_Accounts_ComeBackWithEveryFieldAndNull() =>
        AssertRoundTrip(new AccountBuilder("acc-full").Full().Build(), new AccountBuilder("acc-sparse").Build());

    [Fact]
    public void Read_Deals_ComeBackWithEveryFieldAndNull() =>
        AssertRoundTrip(new DealBuilder("d-full").Full().Build(), new DealBuilder("d-sparse").Build());

    [Fact]
    public void Read_Spend_ComesBackWithEveryFieldAndNull() =>
        AssertRoundTrip(
            new SpendBuilder("paid_social").On(45).Campaign("q1 launch").Kind(SpendKind.Creative).Amount(1234.56m).Delivery(100_000, 2_500).Property("network", "linkedin").Build(),
            new SpendBuilder("paid_social").On(45).Kind(SpendKind.Service).Amount(0.01m).Build());

    [Fact]
    public void Read_Subscriptions_ComeBackWithEveryFieldAndNull() =>
        AssertRoundTrip(
            new SubscriptionBuilder("sub-full").Account("acc1").StartedAt(10).EndedAt(200).Mrr(999.99m).RenewalDue(375, renewed: false).Property("plan", "pro").Build(),
            new SubscriptionBuilder("sub-sparse").Build());

    [Fact]
    public void Read_SurveyAnswers_ComeBackWithEveryFieldAndNull() =>
        AssertRoundTrip(
            new SurveyAnswerBuilder("r-full").Score(0).AnsweredAt(day: 7, hour: 11).By("c1", "acc1").Comment("Too \"slow\", sorry; ünïcode ✓").Property("wave", "2").Build(),
            new SurveyAnswerBuilder("r-sparse").Score(10).Build());

    [Fact]
    public void Read_SeriesPoints_ComeBackWithEveryField() =>
        AssertRoundTrip(
            new SeriesPointBuilder("mentions").On(3).Dimension("brand=acme;sentiment=positive").Value(0.1 + 0.2).Property("src", "x").Build(),
            new SeriesPointBuilder("brand_search_volume").On(3).Value(-12.75).Build());

    [Fact]
    public void Read_Activities_ComeBackWithEveryFieldAndNull() =>
        AssertRoundTrip(
            new ActivityBuilder("act-full").Kind(ActivityKind.Meeting).At(day: 8, hour: 10).For("c1", "acc1").Asset("case-study").Owner("bo").Property("minutes", "30").Build(),
            new ActivityBuilder("act-sparse").Kind(ActivityKind.Ticket).Build());

    private void AssertRoundTrip<TFact>(TFact full, TFact sparse)
        where TFact : class, IFact
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        var conflicts = Write(ws, [full, sparse]);

        var read = Store.Read<TFact>(ws).ToList();

        Assert.Empty(conflicts);
        Assert.Equal(Sorted([full, sparse]), Sorted(read));
        Assert.Equal(2, read.Count);
    }
}
