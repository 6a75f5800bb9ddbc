using System.Text.Json.Serialization;

namespace Northstar.Core.Simulation;

/// <summary>What demo company to simulate. The same options give byte-identical output.</summary>
public sealed record SimulationOptions
{
    /// <summary>Seed of every random draw. Default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>
    /// Known contacts (leads) the run should create, in expectation; traffic and spend are scaled
    /// to reach it. Default 5,000. About 270 events are written per contact.
    /// </summary>
    public int Contacts { get; init; } = 5_000;

    /// <summary>Simulated years. Default 2.</summary>
    public int Years { get; init; } = 2;

    /// <summary>First simulated day (UTC). Default 2025-01-01.</summary>
    public DateOnly Start { get; init; } = new(2025, 1, 1);

    /// <summary>True relative lift of variant B's conversion rate over A's on the A/B landing page. Default 0.25 (+25%).</summary>
    public double AbTestLift { get; init; } = 0.25;

    /// <summary>Changes of a stage's conversion rate from a date on (none by default).</summary>
    public IReadOnlyList<StageShock> StageShocks { get; init; } = [];

    /// <summary>Changes of a channel's spend (and so its traffic) over a date range (none by default).</summary>
    public IReadOnlyList<SpendShock> SpendShocks { get; init; } = [];

    /// <summary>Changes of traffic, spend unchanged, over a date range (none by default).</summary>
    public IReadOnlyList<TrafficShock> TrafficShocks { get; init; } = [];

    /// <summary>
    /// The assists variant (opt-in, off by default): return visits and nurture email clicks cause
    /// conversions. Between IQL and MQL each touch through a channel not yet seen by the contact
    /// may qualify it, with that channel's chance (<see cref="AssistTruth"/>), and a contact left
    /// unqualified by its touches qualifies at a reduced base rate; the ground truth then states
    /// each channel's true effect on MQLs and customers. Off, the run writes exactly the facts it
    /// always did.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AssistEffects { get; init; }

    /// <summary>The day after the last simulated day.</summary>
    public DateOnly End => Start.AddYears(Years);

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Contacts, 1, nameof(Contacts));
        ArgumentOutOfRangeException.ThrowIfLessThan(Years, 1, nameof(Years));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Years, 20, nameof(Years));
        ArgumentOutOfRangeException.ThrowIfLessThan(AbTestLift, -0.9, nameof(AbTestLift));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AbTestLift, 5.0, nameof(AbTestLift));
        ArgumentNullException.ThrowIfNull(StageShocks);
        ArgumentNullException.ThrowIfNull(SpendShocks);
        ArgumentNullException.ThrowIfNull(TrafficShocks);
        foreach (var shock in StageShocks)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(shock.Multiplier, nameof(StageShocks));
            RequireChannel(shock.Channel, nameof(StageShocks));
        }

        foreach (var shock in SpendShocks)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(shock.Multiplier, nameof(SpendShocks));
            RequireChannel(shock.Channel, nameof(SpendShocks));
        }

        foreach (var shock in TrafficShocks)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(shock.Multiplier, nameof(TrafficShocks));
            RequireChannel(shock.Channel, nameof(TrafficShocks));
        }
    }

    private static void RequireChannel(string? channel, string option)
    {
        if (channel is not null && !DemoChannels.All.Any(c => c.Id == channel))
        {
            throw new ArgumentException(
                $"'{channel}' is not a demo channel; use one of {string.Join(", ", DemoChannels.All.Select(c => c.Id))}.", option);
        }
    }
}
