namespace Northstar.Core.Attribution.Markov;

/// <summary>The Markov model's answer for one path table.</summary>
/// <param name="ConversionProbability">Probability that the chain, from start, is absorbed into conversion.</param>
/// <param name="ExpectedValue">Expected conversion value per journey started (the value-weighted chain).</param>
/// <param name="StateCount">Transient states of the chain (windows reached), start excluded.</param>
/// <param name="RemovalEffects">Per channel, ordinal order of the channel names.</param>
/// <param name="Credits">Conversions and value split in proportion to the removal effects; same order.</param>
public sealed record MarkovResult(
    double ConversionProbability,
    double ExpectedValue,
    int StateCount,
    IReadOnlyList<MarkovRemovalEffect> RemovalEffects,
    IReadOnlyList<ChannelCredit> Credits);
