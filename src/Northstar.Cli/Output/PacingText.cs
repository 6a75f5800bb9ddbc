using Northstar.Core.Goals;

namespace Northstar.Cli.Output;

/// <summary>How a pacing status reads in a table: "on track", "at risk", "off track", "not started", "no data".</summary>
internal static class PacingText
{
    public static string Of(PacingStatus status) => status switch
    {
        PacingStatus.OnTrack => "on track",
        PacingStatus.AtRisk => "at risk",
        PacingStatus.OffTrack => "off track",
        PacingStatus.NotStarted => "not started",
        _ => "no data",
    };
}
