using System.Text.Json.Serialization;
using Northstar.Core.Channels;

namespace Northstar.Core.Simulation;

/// <summary>
/// The answers a simulated company was built from, for tests and demos to check measurements
/// against. Rates are probabilities per contact; volumes and spend are expectations for the run.
/// Touch model: only a visitor's first-touch channel decides whether and how far it converts;
/// return visits and emails are assists with no causal effect. In the assists variant
/// (<see cref="Assists"/>) they help qualify leads as MQLs.
/// </summary>
public sealed record GroundTruth
{
    /// <summary>The options of the run, seed included.</summary>
    public required SimulationOptions Options { get; init; }

    /// <summary>First simulated day.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>The day after the last simulated day: nothing is dated on or after it.</summary>
    public required DateOnly End { get; init; }

    /// <summary>Multiplier applied to the scale-1 company to reach the contacts asked for.</summary>
    public required double Scale { get; init; }

    /// <summary>Contacts the run creates in expectation (the sizing target).</summary>
    public required double ExpectedContacts { get; init; }

    /// <summary>Per channel: funnel rates, contribution, spend curve, seasonality.</summary>
    public required IReadOnlyList<ChannelTruth> Channels { get; init; }

    /// <summary>
    /// Channel rules a workspace needs so that default grouping plus these rules classify every
    /// demo source/medium as the channel the simulator wrote (events and partners are not GA4 channels).
    /// </summary>
    public required IReadOnlyList<ChannelRule> CustomChannelRules { get; init; }

    /// <summary>The landing-page A/B test.</summary>
    public required AbTestTruth AbTest { get; init; }

    /// <summary>Brands whose daily mentions are in the series, ours first.</summary>
    public required IReadOnlyList<BrandTruth> Brands { get; init; }

    /// <summary>Customer segments.</summary>
    public required IReadOnlyList<SegmentTruth> Segments { get; init; }

    /// <summary>Probability that a reached stage has no row (skipped), by stage; only when the next stage has one.</summary>
    public required IReadOnlyDictionary<string, double> StageSkipRates { get; init; }

    /// <summary>Days within which every contact's walk from lead to customer is over.</summary>
    public required int MaxFunnelDays { get; init; }

    /// <summary>Traffic multiplier by day of week, Monday first.</summary>
    public required IReadOnlyList<double> WeekdayTraffic { get; init; }

    /// <summary>Linear yearly growth of planned spend (and of our brand's mentions and searches).</summary>
    public required double AnnualSpendGrowth { get; init; }

    /// <summary>Share of MQLs whose first sales activity comes within <see cref="SlaHours"/>.</summary>
    public required double SlaCompliance { get; init; }

    /// <summary>The marketing-sales SLA, in hours.</summary>
    public required double SlaHours { get; init; }

    /// <summary>Service spend per day (channel <c>customer_success</c>, kind service).</summary>
    public required double DailyServiceSpend { get; init; }

    /// <summary>The assists variant's causal model and true channel effects; null (and not written) when the run is the default company.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AssistTruth? Assists { get; init; }
}
