namespace Northstar.Storage.Sqlite.Views;

/// <summary>The earliest event seen in a session that carried an anonymous id with a contact id.</summary>
internal readonly record struct LinkCandidate(FirstCandidate Event, string ContactId);
