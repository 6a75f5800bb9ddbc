namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The earliest event of one kind (<see cref="FirstKind"/>) among the events carrying one id:
/// a contact id (<paramref name="IsContact"/>) or an anonymous id. "Earliest" is
/// <see cref="Touchpoints.Earlier"/>. The small per-actor table lifecycles are assembled from.
/// </summary>
public sealed record ActorFirst(FirstKind Kind, bool IsContact, string ActorId, string EventId, Touch Touch);
