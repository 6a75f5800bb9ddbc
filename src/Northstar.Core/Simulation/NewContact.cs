namespace Northstar.Core.Simulation;

/// <summary>A visitor who just filled in the form: the contact's id, identity link and first touch.</summary>
internal sealed record NewContact(string ContactId, string AnonymousId, ChannelProfile FirstTouch, string? Campaign, DateTimeOffset CreatedAt)
{
    /// <summary>Channels of the visits after the first, up to the form fill (the assists variant only; empty otherwise).</summary>
    public IReadOnlyList<ChannelProfile> Returns { get; init; } = [];
}
