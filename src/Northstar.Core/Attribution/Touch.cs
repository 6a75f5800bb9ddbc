namespace Northstar.Core.Attribution;

/// <summary>
/// One touchpoint of a journey: when, through which channel (and campaign), and whether it is
/// the touch at which the contact became a lead or an opportunity (W-shaped and full-path
/// models weigh those).
/// </summary>
public sealed record Touch(DateTimeOffset At, string Channel, string? Campaign = null)
{
    /// <summary>The touch at (or last before) the contact's lead creation.</summary>
    public bool LeadCreation { get; init; }

    /// <summary>The touch at (or last before) the contact's opportunity creation.</summary>
    public bool OpportunityCreation { get; init; }
}
