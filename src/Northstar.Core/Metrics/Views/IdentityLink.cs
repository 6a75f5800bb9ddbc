namespace Northstar.Core.Metrics.Views;

/// <summary>
/// An anonymous id known to belong to a contact: seen on an event that carried both ids
/// (an identify, a form fill, a later event with the contact id). <see cref="LinkedAt"/> is the
/// earliest such event. An anonymous id seen with several contacts links to the first of them.
/// </summary>
public sealed record IdentityLink(string AnonymousId, string ContactId, DateTimeOffset LinkedAt);
