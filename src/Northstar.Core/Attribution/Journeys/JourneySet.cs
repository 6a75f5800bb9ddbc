namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// The journeys of one goal and period (<see cref="JourneyBuilder.Build(Storage.IFactStore, Workspaces.Workspace, JourneyOptions)"/>), ordered by contact id
/// (ordinal), then conversion time (a non-converting journey last), so that runs on the same
/// facts give the same list.
/// </summary>
/// <param name="Journeys">Converting journeys (one per conversion that had a touch in its look-back window) and non-converting ones.</param>
/// <param name="UntouchedConversions">Conversions in the period with no touch in their look-back window: counted here, credited to no channel.</param>
/// <param name="UntouchedValue">The total value of those conversions.</param>
public sealed record JourneySet(IReadOnlyList<Journey> Journeys, long UntouchedConversions, double UntouchedValue);
