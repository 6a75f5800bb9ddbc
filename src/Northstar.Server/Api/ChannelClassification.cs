using Northstar.Core.Channels;

namespace Northstar.Server.Api;

/// <summary>The answer of <c>GET channels/classify</c>: the channel, and what gave it.</summary>
/// <param name="Channel">The channel id the row gets, e.g. <c>paid_search</c> or a rule's channel.</param>
/// <param name="MatchedBy"><c>rule</c> when a workspace rule matched, <c>default</c> when the GA4-style default grouping decided.</param>
/// <param name="RuleIndex">The 0-based position of the first matching rule (the one applied); null for the default grouping.</param>
/// <param name="Rule">That rule; null for the default grouping.</param>
public sealed record ChannelClassification(string Channel, string MatchedBy, int? RuleIndex, ChannelRule? Rule)
{
    /// <summary>The <see cref="MatchedBy"/> of a row a workspace rule classified.</summary>
    public const string ByRule = "rule";

    /// <summary>The <see cref="MatchedBy"/> of a row the default grouping classified.</summary>
    public const string ByDefault = "default";
}
