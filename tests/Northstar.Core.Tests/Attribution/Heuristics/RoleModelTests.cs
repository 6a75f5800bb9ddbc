using Northstar.Core.Attribution.Heuristics;
using static Northstar.Core.Tests.Attribution.Heuristics.HeuristicAttributionTests;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution.Heuristics;

public class RoleModelTests
{
    [Fact]
    public void ByChannel_WShapedDistinctRoles_ThirtyEachAndTenOverTheRest()
    {
        var journeys = new[] { Converted(200, T(1, "a"), T(2, "b", lead: true), T(3, "c"), T(4, "d", opportunity: true), T(5, "e")) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.WShaped);

        AssertCredit(credits, "a", 0.3, 60);
        AssertCredit(credits, "b", 0.3, 60);
        AssertCredit(credits, "c", 0.05, 10);
        AssertCredit(credits, "d", 0.3, 60);
        AssertCredit(credits, "e", 0.05, 10);
    }

    [Fact]
    public void ByChannel_WShapedLeadOnFirstTouch_AddsTheSharesOnThatTouch()
    {
        var journeys = new[] { Converted(100, T(1, "a", lead: true), T(2, "b"), T(3, "c", opportunity: true), T(4, "d")) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.WShaped);

        AssertCredit(credits, "a", 0.6, 60);
        AssertCredit(credits, "b", 0.05, 5);
        AssertCredit(credits, "c", 0.3, 30);
        AssertCredit(credits, "d", 0.05, 5);
    }

    [Fact]
    public void ByChannel_WShapedNoOpportunity_SplitsItsShareOverPresentRoles()
    {
        // The missing 30% goes half to first (a), half to lead (b): 45% each; c keeps the 10%.
        var journeys = new[] { Converted(100, T(1, "a"), T(2, "b", lead: true), T(3, "c")) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.WShaped);

        AssertCredit(credits, "a", 0.45, 45);
        AssertCredit(credits, "b", 0.45, 45);
        AssertCredit(credits, "c", 0.1, 10);
    }

    [Fact]
    public void ByChannel_WShapedEveryTouchHoldsARole_RescalesRoleShares()
    {
        // a: first + lead = 0.6, b: opportunity = 0.3; no rest touch, so 0.6/0.9 and 0.3/0.9.
        var journeys = new[] { Converted(90, T(1, "a", lead: true), T(2, "b", opportunity: true)) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.WShaped);

        AssertCredit(credits, "a", 2.0 / 3, 60);
        AssertCredit(credits, "b", 1.0 / 3, 30);
    }

    [Fact]
    public void ByChannel_FullPathDistinctRoles_TwentyTwoAndAHalfEachAndTenOverTheRest()
    {
        var journeys = new[] { Converted(1000, T(1, "a"), T(2, "b", lead: true), T(3, "c"), T(4, "d", opportunity: true), T(5, "e")) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.FullPath);

        AssertCredit(credits, "a", 0.225, 225);
        AssertCredit(credits, "b", 0.225, 225);
        AssertCredit(credits, "c", 0.1, 100);
        AssertCredit(credits, "d", 0.225, 225);
        AssertCredit(credits, "e", 0.225, 225);
    }

    [Fact]
    public void ByChannel_FullPathNoLeadNorOpportunity_FirstAndCloseShareTheirShares()
    {
        // Missing 45% split over first and close: 22.5% + 22.5% each; b keeps the 10%.
        var journeys = new[] { Converted(100, T(1, "a"), T(2, "b"), T(3, "c")) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.FullPath);

        AssertCredit(credits, "a", 0.45, 45);
        AssertCredit(credits, "b", 0.1, 10);
        AssertCredit(credits, "c", 0.45, 45);
    }

    [Fact]
    public void ByChannel_FullPathOpportunityOnClose_AddsBothSharesToTheLastTouch()
    {
        // a first 22.5, b lead 22.5, c opportunity + close 45; no rest touch: rescale by 1/0.9.
        var journeys = new[] { Converted(90, T(1, "a"), T(2, "b", lead: true), T(3, "c", opportunity: true)) };

        var credits = HeuristicAttribution.ByChannel(journeys, HeuristicModel.FullPath);

        AssertCredit(credits, "a", 0.25, 22.5);
        AssertCredit(credits, "b", 0.25, 22.5);
        AssertCredit(credits, "c", 0.5, 45);
    }
}
