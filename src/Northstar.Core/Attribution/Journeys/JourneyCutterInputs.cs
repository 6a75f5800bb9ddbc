namespace Northstar.Core.Attribution.Journeys;

/// <summary>What every <see cref="JourneyCutter"/> of one build shares (read only).</summary>
internal sealed record JourneyCutterInputs(
    ConversionGoal Goal, PeriodInstants Period, long LookbackTicks, ConversionIndex Conversions, ActorTouches Touches);
