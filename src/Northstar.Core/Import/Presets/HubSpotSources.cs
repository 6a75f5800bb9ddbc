namespace Northstar.Core.Import.Presets;

/// <summary>
/// HubSpot's "Original Source" categories (internal values such as <c>PAID_SEARCH</c>, or the
/// labels an export shows, such as "Paid search") as Northstar channels. Source: HubSpot's
/// knowledge base, "Understand Original and Latest source properties" (nine categories; older
/// portals label organic social "Social media"; newer ones add "AI referrals").
/// </summary>
internal static class HubSpotSources
{
    private static readonly Dictionary<string, string> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ORGANIC_SEARCH"] = "organic_search",
        ["PAID_SEARCH"] = "paid_search",
        ["EMAIL_MARKETING"] = "email",
        ["SOCIAL_MEDIA"] = "organic_social",
        ["ORGANIC_SOCIAL"] = "organic_social",
        ["REFERRALS"] = "referral",
        ["AI_REFERRALS"] = "referral",
        ["OTHER_CAMPAIGNS"] = "other",
        ["DIRECT_TRAFFIC"] = "direct",
        ["OFFLINE"] = "offline",
        ["OFFLINE_SOURCES"] = "offline",
        ["PAID_SOCIAL"] = "paid_social",
    };

    /// <summary>The channel of a category; null for a value HubSpot does not document.</summary>
    public static string? ChannelOf(string originalSource) =>
        Channels.GetValueOrDefault(originalSource.Trim().Replace(' ', '_').Replace('-', '_'));
}
