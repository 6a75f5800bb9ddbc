namespace Northstar.Core.Simulation;

/// <summary>A visitor who just filled in the form: the contact's id, identity link and first touch.</summary>
internal sealed record NewContact(string ContactId, string AnonymousId, ChannelProfile FirstTouch, string? Campaign, DateTimeOffset CreatedAt);
