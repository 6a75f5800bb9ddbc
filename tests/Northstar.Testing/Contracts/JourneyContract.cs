using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>
/// Attribution journeys built by <see cref="JourneyBuilder"/> from the backend: on
/// <see cref="JourneyStory"/> each expected journey is worked out by hand from the story
/// (anonymous visits stitched to the contact at the form fill, the look-back window,
/// non-converting journeys, deals won with their value); the sibling partial file holds the
/// comparisons with the in-memory store on the same facts and the two-workspace check.
/// </summary>
public abstract partial class JourneyContract : IDisposable
{
    private const string A9 = "a9 open 0: direct@01-03 00:00, paid_search/brand@01-04 00:00";
    private const string C1Touches = "organic_search@01-01 10:00, paid_social/spring@01-05 09:00 +lead, email/nurture@01-10 08:00, email/nurture@01-10 08:40";
    private const string C3Open = "c3 open 0: display@01-26 10:00, referral@01-26 10:00";

    private IFactStore? _store;
    private Workspace? _acme;

    /// <summary>A new, empty store; called at most once per test. Journeys need only the facts.</summary>
    protected abstract IFactStore CreateStore();

    /// <summary>The test's store.</summary>
    protected IFactStore Store => _store ??= CreateStore();

    /// <summary>The workspace holding the story, written on first use.</summary>
    private Workspace Acme => _acme ??= WriteStory();

    [Fact]
    public void Build_CustomerAllTime_StitchesMergesFlagsAndKeepsNonConverting()
    {
        var set = Build(ConversionGoal.Entered(Stage.Customer));

        Assert.Equal(
            [
                A9,
                $"c1 01-30 00:00 1000: {C1Touches}, direct@01-20 00:00 +opp",
                "c2 open 0: paid_search@01-02 00:00, referral@01-08 00:00, email@01-12 00:00",
                C3Open,
                "c4 open 0: organic_social@01-24 00:00",
            ],
            JourneyText.Of(set.Journeys));
        Assert.Equal(1, set.UntouchedConversions);
        Assert.Equal(70, set.UntouchedValue);
    }

    [Fact]
    public void Build_LookbackTwentyDays_DropsOlderTouchesAndTheirLeadFlag()
    {
        var set = Build(ConversionGoal.Entered(Stage.Customer), lookbackDays: 20);

        Assert.Equal("c1 01-30 00:00 1000: email/nurture@01-10 08:00, email/nurture@01-10 08:40, direct@01-20 00:00 +opp", JourneyText.Of(set.Journeys[1]));
    }

    [Fact]
    public void Build_WonAllTime_EachDealAfterThePreviousAndAccountDealsToFirstContact()
    {
        var set = Build(ConversionGoal.Won);

        Assert.Equal(
            [
                A9,
                $"c1 01-30 00:00 1000: {C1Touches}, direct@01-20 00:00 +opp",
                "c2 01-10 00:00 500: paid_search@01-02 00:00, referral@01-08 00:00",
                "c2 01-15 00:00 300: email@01-12 00:00",
                C3Open,
                "c4 01-26 00:00 50: organic_social@01-24 00:00",
            ],
            JourneyText.Of(set.Journeys));
        Assert.Equal(2, set.UntouchedConversions);
        Assert.Equal(200 + 70, set.UntouchedValue);
    }

    [Fact]
    public void Build_DealCreatedAllTime_TouchAtTheConversionInstantCountsAndOpenDealsConvert()
    {
        var set = Build(ConversionGoal.DealCreated);

        Assert.Equal(
            [
                A9,
                $"c1 01-20 00:00 1000: {C1Touches}, direct@01-20 00:00 +opp",
                "c2 01-03 00:00 500: paid_search@01-02 00:00",
                "c2 01-11 00:00 300: referral@01-08 00:00",
                "c2 01-15 00:00 200: email@01-12 00:00",
                "c3 01-27 00:00 0: display@01-26 10:00, referral@01-26 10:00",
                "c4 01-25 00:00 50: organic_social@01-24 00:00",
            ],
            JourneyText.Of(set.Journeys));
        Assert.Equal(1, set.UntouchedConversions);
        Assert.Equal(70, set.UntouchedValue);
    }

    [Fact]
    public void Build_WonPeriodInNewYork_CountsConversionsByLocalDay()
    {
        // d2 closes 2026-01-10 00:00 UTC = 01-09 19:00 in New York (outside); d4 01-16 00:00 UTC = 01-15 19:00 (inside).
        var set = Build(ConversionGoal.Won, period: Days(10, 16), timeZone: "America/New_York");

        Assert.Equal([$"c1 open 0: {C1Touches}", "c2 01-15 00:00 300: email@01-12 00:00"], JourneyText.Of(set.Journeys));
        Assert.Equal(1, set.UntouchedConversions);
        Assert.Equal(200, set.UntouchedValue);
    }

    [Fact]
    public void Build_WonPeriodInUtc_CountsConversionsByUtcDay()
    {
        var set = Build(ConversionGoal.Won, period: Days(10, 16));

        Assert.Equal(
            [
                $"c1 open 0: {C1Touches}",
                "c2 01-10 00:00 500: paid_search@01-02 00:00, referral@01-08 00:00",
                "c2 01-15 00:00 300: email@01-12 00:00",
            ],
            JourneyText.Of(set.Journeys));
        Assert.Equal(0, set.UntouchedConversions);
    }

    [Fact]
    public void Build_StagePeriod_SkipsActorsWhoEnteredBeforeAndKeepsThoseWhoEnterLater()
    {
        // c1 became a lead on day 6: its day-10 touches make no open journey. c2 never did.
        var lead = Build(ConversionGoal.Entered(Stage.Lead), period: Days(10, 13));
        // c1 becomes a customer on day 30, after the period: its day-20 visit leaves it open.
        var customer = Build(ConversionGoal.Entered(Stage.Customer), period: Days(20, 22));

        Assert.Equal(["c2 open 0: paid_search@01-02 00:00, referral@01-08 00:00, email@01-12 00:00"], JourneyText.Of(lead.Journeys));
        Assert.Equal([$"c1 open 0: {C1Touches}, direct@01-20 00:00 +opp"], JourneyText.Of(customer.Journeys));
    }

    [Fact]
    public void Build_DealPeriodWithoutConversion_OpenJourneyStartsAfterTheLastDeal()
    {
        var set = Build(ConversionGoal.DealCreated, period: Days(12, 15));

        Assert.Equal(["c2 open 0: email@01-12 00:00"], JourneyText.Of(set.Journeys));
    }

    [Fact]
    public void Build_ZeroMergeInterval_KeepsTheVisitAfterTheAdClick()
    {
        var set = Build(ConversionGoal.Entered(Stage.Customer), sameInteraction: TimeSpan.Zero);

        Assert.Equal(
            "c1 01-30 00:00 1000: organic_search@01-01 10:00, paid_social/spring@01-05 09:00, paid_social/spring@01-05 09:10 +lead, "
            + "email/nurture@01-10 08:00, email/nurture@01-10 08:40, direct@01-20 00:00 +opp",
            JourneyText.Of(set.Journeys[1]));
    }

    [Fact]
    public void Build_ChangedEventRewritten_JourneysSeeTheNewVersionOnly()
    {
        var ws = Store.GetOrCreateWorkspace("changed");
        JourneyStory.WriteWithChangedEvent(Store, ws);

        var set = JourneyBuilder.Build(Store, ws, Options(ConversionGoal.Won));

        Assert.Equal("a9 open 0: direct@01-03 00:00, paid_search/generic@01-04 00:00", JourneyText.Of(set.Journeys[0]));
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    private static DateRange Days(int first, int end) => new(new DateOnly(2026, 1, first), new DateOnly(2026, 1, end));

    private static JourneyOptions Options(
        ConversionGoal goal, int lookbackDays = 90, DateRange? period = null, TimeSpan? sameInteraction = null) =>
        new()
        {
            Conversion = goal,
            LookbackDays = lookbackDays,
            Period = period,
            SameInteraction = sameInteraction ?? TimeSpan.FromMinutes(30),
        };

    private JourneySet Build(
        ConversionGoal goal, int lookbackDays = 90, DateRange? period = null, string? timeZone = null, TimeSpan? sameInteraction = null) =>
        JourneyBuilder.Build(Store, timeZone is null ? Acme : Acme with { TimeZone = timeZone }, Options(goal, lookbackDays, period, sameInteraction));

    private Workspace WriteStory()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        JourneyStory.Write(Store, acme);
        return acme;
    }
}
