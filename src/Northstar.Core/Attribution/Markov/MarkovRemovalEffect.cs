namespace Northstar.Core.Attribution.Markov;

/// <summary>
/// One channel's removal effect: the share of the chain's conversion probability (and of its
/// expected conversion value) lost when every state containing the channel leads to null.
/// </summary>
public sealed record MarkovRemovalEffect(string Channel, double Conversion, double Value);
