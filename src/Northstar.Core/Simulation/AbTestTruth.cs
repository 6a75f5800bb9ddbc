namespace Northstar.Core.Simulation;

/// <summary>
/// The landing-page A/B test: a share of the listed channels' first-touch visitors land on the
/// page, get variant A or B with equal odds, and submit the form in that session with the variant's rate.
/// </summary>
public sealed record AbTestTruth(
    string LandingPage, IReadOnlyList<string> Channels, double Share, double RateA, double RateB, double Lift);
