using Northstar.Core.Metrics.Views;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>Which first of which actor (<see cref="ActorFirst"/> without its event).</summary>
internal readonly record struct FirstSlot(FirstKind Kind, bool IsContact, string ActorId);
