namespace Northstar.Core.Simulation;

/// <summary>
/// The parameters of the assists variant (<see cref="SimulationOptions.AssistEffects"/>): how
/// many touches a lead gets while it is being qualified, and each channel's chance to qualify it.
/// </summary>
/// <remarks>
/// A channel's effect is not proportional to its touch volume: direct and organic search bring
/// most return visits (direct visits come in runs) but rarely or never qualify anyone, while
/// organic social, referral, paid social and email bring fewer touches that often do. Only the
/// first touch through a channel can qualify (after it the message is known), so repeat visits
/// add touches, not effect: counting touches mis-ranks channels, and so does first touch, which
/// never sees an assist. The values were chosen so that the separated channel pairs (4 sigma) do
/// not fall where the models' known dilution of first-touch-only channels decides them (see the
/// attribution demo tests in the SQLite test project).
/// </remarks>
internal static class AssistModel
{
    /// <summary>Share of a channel's IQL-to-MQL rate that still qualifies a contact whom no touch qualified.</summary>
    public const double BaseShare = 0.3;

    /// <summary>Mean return visits between IQL and the MQL decision (Poisson; runs of direct visits not counted).</summary>
    public const double ReturnsPerLead = 1.0;

    /// <summary>Mean clicked nurture emails between IQL and the MQL decision (Poisson).</summary>
    public const double NurtureClicksPerLead = 0.35;

    /// <summary>
    /// A return visit through direct is followed by more direct visits within two days,
    /// Geometric(this) of them, capped at <see cref="DirectRepeatMax"/>: habitual visits that add
    /// touches, never effect (only a channel's first touch can qualify, and direct's chance is 0).
    /// </summary>
    public const double DirectRepeatStop = 0.35;

    public const int DirectRepeatMax = 5;

    /// <summary>
    /// Where the window's return visits come from: the return mix's channels, in its order (direct,
    /// organic search, paid social, referral, organic social, email), social weighing more than in
    /// the pre-lead mix (a known contact sees the company's posts).
    /// </summary>
    public static readonly double[] WindowMix = [0.30, 0.25, 0.10, 0.10, 0.20, 0.05];

    /// <summary>The MQL follows a qualifying touch after this many hours (uniform).</summary>
    public static readonly (double Min, double Max) QualifyHours = (0.05, 2);

    /// <summary>Chance that the contact's first touch through the channel qualifies it (MQL); channels not listed never do.</summary>
    public static readonly Dictionary<string, double> QualifyChance = new()
    {
        ["direct"] = 0.0, ["organic_search"] = 0.15, ["paid_social"] = 0.7, ["referral"] = 0.8, ["organic_social"] = 0.9, ["email"] = 0.95,
    };

    public static double Chance(string channel) => QualifyChance.GetValueOrDefault(channel);
}
