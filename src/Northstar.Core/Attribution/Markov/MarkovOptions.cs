namespace Northstar.Core.Attribution.Markov;

/// <summary>How the Markov chain is built from the path table.</summary>
/// <param name="Order">States are windows of this many consecutive channels (1 to 6; a shorter path is one state).</param>
/// <param name="CollapseRepeats">Collapse consecutive repeats of a channel ("a > a > b" reads "a > b") before building windows.</param>
/// <param name="IncludeNulls">Count the non-converting journeys; false builds the chain from converting paths only.</param>
public sealed record MarkovOptions(int Order = 1, bool CollapseRepeats = true, bool IncludeNulls = true)
{
    /// <summary>First order, repeats collapsed, non-converting paths included (ChannelAttribution's defaults).</summary>
    public static MarkovOptions Default { get; } = new();
}
