using Northstar.Core.Channels;

namespace Northstar.Core.Import.Presets;

/// <summary>
/// HubSpot's "Original Source" categories (internal values such as <c>PAID_SEARCH</c>, or the
/// labels an export shows, such as "Paid search") as Northstar channels. Source: HubSpot's
/// knowledge base, "Understand Original and Latest source properties" (nine categories; older
/// portals label organic social "Social media"; newer ones add "AI referrals"). "Other campaigns"
/// (tracked links of no known kind) has no GA4 equivalent and becomes unassigned.
/// </summary>
internal static class HubSpotSources
{
    /// <summary>Contacts created outside the website (imports, the CRM): not a GA4 channel, so Northstar names it.</summary>
    public const string Offline = "offline";

    private static readonly Dictionary<string, string> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ORGANIC_SEARCH"] = ChannelIds.OrganicSearch,
        ["PAID_SEARCH"] = ChannelIds.PaidSearch,
        ["EMAIL_MARKETING"] = ChannelIds.Email,
        ["SOCIAL_MEDIA"] = ChannelIds.OrganicSocial,
        ["ORGANIC_SOCIAL"] = ChannelIds.OrganicSocial,
        ["REFERRALS"] = ChannelIds.Referral,
        ["AI_REFERRALS"] = ChannelIds.Referral,
        ["OTHER_CAMPAIGNS"] = ChannelIds.Unassigned,
        ["DIRECT_TRAFFIC"] = ChannelIds.Direct,
        ["OFFLINE"] = Offline,
        ["OFFLINE_SOURCES"] = Offline,
        ["PAID_SOCIAL"] = ChannelIds.PaidSocial,
    };

    /// <summary>The channel of a category; null for a value HubSpot does not document.</summary>
    public static string? ChannelOf(string originalSource) =>
        Channels.GetValueOrDefault(originalSource.Trim().Replace(' ', '_').Replace('-', '_'));
}
