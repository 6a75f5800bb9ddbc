using System.Collections.Frozen;

namespace Northstar.Core.Channels;

/// <summary>
/// The default channels in the order GA4 evaluates them (Unassigned last), with display names.
/// Workspace rules may name other channels; those keep their id as display name.
/// </summary>
public static class ChannelCatalog
{
    private static readonly ChannelDefinition[] Definitions =
    [
        new(ChannelIds.Direct, "Direct"),
        new(ChannelIds.CrossNetwork, "Cross-network"),
        new(ChannelIds.PaidShopping, "Paid Shopping"),
        new(ChannelIds.PaidSearch, "Paid Search"),
        new(ChannelIds.PaidSocial, "Paid Social"),
        new(ChannelIds.PaidVideo, "Paid Video"),
        new(ChannelIds.Display, "Display"),
        new(ChannelIds.PaidOther, "Paid Other"),
        new(ChannelIds.OrganicShopping, "Organic Shopping"),
        new(ChannelIds.OrganicSocial, "Organic Social"),
        new(ChannelIds.OrganicVideo, "Organic Video"),
        new(ChannelIds.OrganicSearch, "Organic Search"),
        new(ChannelIds.Referral, "Referral"),
        new(ChannelIds.Email, "Email"),
        new(ChannelIds.Affiliates, "Affiliates"),
        new(ChannelIds.Audio, "Audio"),
        new(ChannelIds.Sms, "SMS"),
        new(ChannelIds.MobilePushNotifications, "Mobile Push Notifications"),
        new(ChannelIds.Unassigned, "Unassigned"),
    ];

    private static readonly FrozenDictionary<string, ChannelDefinition> ById =
        Definitions.ToFrozenDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every default channel, in rule order.</summary>
    public static IReadOnlyList<ChannelDefinition> All => Definitions;

    /// <summary>The default channel with this id (case-insensitive), or null.</summary>
    public static ChannelDefinition? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id.Trim());
    }

    /// <summary>True when <paramref name="id"/> is one of the default channels.</summary>
    public static bool IsDefault(string id) => Find(id) is not null;

    /// <summary>The display name of a channel id; a custom channel's id stands for itself.</summary>
    public static string DisplayName(string id) => Find(id)?.DisplayName ?? id;
}
