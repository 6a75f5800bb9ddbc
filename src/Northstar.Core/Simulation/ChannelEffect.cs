namespace Northstar.Core.Simulation;

/// <summary>
/// A channel's true effect in the assists variant: the conversions of the run that would not
/// happen, in expectation, if the channel were removed (its first-touch visitors and every touch
/// through it), worked out from the simulator's probabilities, not by simulating again.
/// </summary>
/// <param name="Channel">The channel id.</param>
/// <param name="Mqls">Expected MQLs lost without the channel.</param>
/// <param name="Customers">Expected customers lost without the channel.</param>
/// <param name="FirstTouchMqls">The part of <paramref name="Mqls"/> from the channel's own first-touch leads.</param>
/// <param name="MqlRate">Probability that a lead whose first touch is the channel becomes an MQL, its later touches included.</param>
public sealed record ChannelEffect(string Channel, double Mqls, double Customers, double FirstTouchMqls, double MqlRate);
