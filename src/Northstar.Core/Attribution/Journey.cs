namespace Northstar.Core.Attribution;

/// <summary>
/// One contact's touchpoints in time order up to its conversion (or up to now for a journey
/// that has not converted), identity-resolved, inside the look-back window.
/// </summary>
/// <param name="ContactId">Whose journey.</param>
/// <param name="Touches">At least one touch, oldest first.</param>
/// <param name="ConvertedAt">When it converted; null for a non-converting journey.</param>
/// <param name="Value">The conversion's value (a won deal's amount; 0 for a stage conversion or none).</param>
public sealed record Journey(string ContactId, IReadOnlyList<Touch> Touches, DateTimeOffset? ConvertedAt, double Value)
{
    /// <summary>True when the journey ended in the conversion.</summary>
    public bool Converted => ConvertedAt is not null;
}
