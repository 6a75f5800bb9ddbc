using System.Runtime.CompilerServices;
namespace Northstar.Core.Channels;

/// <summary>
/// GA4's "Default channel group" rules for manually tagged traffic, tried in GA4's order;
/// the first that holds names the channel. Written as plain string tests: each regex GA4
/// documents has an equivalent here (noted beside it), so the common path runs no regex.
/// Inputs are trimmed and lower-case (GA4 matches case-insensitively), empty when absent.
/// </summary>
internal static class DefaultChannelRules
{
    public static string Classify(string source, string medium, string campaign)
    {
        // Direct: Source exactly matches "(direct)" AND Medium is one of ("(not set)", "(none)").
        if ((source is "(direct)" or "direct") && (medium is "" or "(none)" or "(not set)"))
        {
            return ChannelIds.Direct;
        }

        // Cross-network: Campaign Name contains "cross-network".
        if (campaign.Contains("cross-network", StringComparison.Ordinal))
        {
            return ChannelIds.CrossNetwork;
        }

        var category = SourceCategories.Categorize(source);
        var shopping = category == SourceCategory.Shopping || IsShoppingCampaign(campaign);
        var paid = IsPaidMedium(medium);
        return (paid ? PaidChannel(category, shopping) : null)
            ?? (IsDisplayMedium(medium) ? ChannelIds.Display : null)
            ?? (paid ? ChannelIds.PaidOther : null)
            ?? OrganicChannel(category, shopping, medium)
            ?? OtherChannel(source, medium);
    }

    /// <summary>Medium matches regex <c>^(.*cp.*|ppc|retargeting|paid.*)$</c>.</summary>
    internal static bool IsPaidMedium(string medium) =>
        medium.Contains("cp", StringComparison.Ordinal)
        || medium is "ppc" or "retargeting"
        || medium.StartsWith("paid", StringComparison.Ordinal);

    /// <summary>
    /// Campaign Name matches regex <c>^(.*(([^a-df-z]|^)shop|shopping).*)$</c>: "shopping"
    /// anywhere, or "shop" at the start or after a character other than a-d and f-z
    /// (so "eshop", "summer_shop" and "2024shop" count, "workshop" does not).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsShoppingCampaign(string campaign)
    {
        if (campaign.Contains("shopping", StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = campaign.IndexOf("shop", StringComparison.Ordinal); i >= 0; i = campaign.IndexOf("shop", i + 1, StringComparison.Ordinal))
        {
            if (i == 0 || campaign[i - 1] is not ((>= 'a' and <= 'd') or (>= 'f' and <= 'z')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Paid Shopping, then Paid Search, Paid Social and Paid Video (the medium is already known to be paid).</summary>
    private static string? PaidChannel(SourceCategory category, bool shopping) =>
        shopping ? ChannelIds.PaidShopping : category switch
        {
            SourceCategory.Search => ChannelIds.PaidSearch,
            SourceCategory.Social => ChannelIds.PaidSocial,
            SourceCategory.Video => ChannelIds.PaidVideo,
            _ => null,
        };

    /// <summary>Display: Medium is one of ("display", "banner", "expandable", "interstitial", "cpm").</summary>
    private static bool IsDisplayMedium(string medium) =>
        medium is "display" or "banner" or "expandable" or "interstitial" or "cpm";

    /// <summary>Organic Shopping, Social, Video and Search: the source's category OR a telling medium.</summary>
    private static string? OrganicChannel(SourceCategory category, bool shopping, string medium)
    {
        if (shopping)
        {
            return ChannelIds.OrganicShopping;
        }

        // Medium is one of ("social", "social-network", "social-media", "sm", "social network", "social media").
        if (category == SourceCategory.Social || medium is "social" or "social-network" or "social-media" or "sm" or "social network" or "social media")
        {
            return ChannelIds.OrganicSocial;
        }

        // Medium matches regex ^(.*video.*)$.
        if (category == SourceCategory.Video || medium.Contains("video", StringComparison.Ordinal))
        {
            return ChannelIds.OrganicVideo;
        }

        // Medium exactly matches organic.
        return category == SourceCategory.Search || medium == "organic" ? ChannelIds.OrganicSearch : null;
    }

    /// <summary>Referral, Email, Affiliates, Audio, SMS, Mobile Push Notifications, else Unassigned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string OtherChannel(string source, string medium)
    {
        return medium switch
        {
            // Medium is one of ("referral", "app", "link").
            "referral" or "app" or "link" => ChannelIds.Referral,
            _ when IsEmail(source) || IsEmail(medium) => ChannelIds.Email,
            // Medium = affiliate; Northstar also takes the plural "affiliates" (not in GA4's current wording).
            "affiliate" or "affiliates" => ChannelIds.Affiliates,
            "audio" => ChannelIds.Audio,
            _ when source == "sms" || medium == "sms" => ChannelIds.Sms,
            _ when IsPushMedium(medium) || source == "firebase" => ChannelIds.MobilePushNotifications,
            _ => ChannelIds.Unassigned,
        };
    }

    /// <summary>Source or Medium = email|e-mail|e_mail|e mail.</summary>
    private static bool IsEmail(string value) => value is "email" or "e-mail" or "e_mail" or "e mail";

    /// <summary>Medium ends with "push" OR Medium contains "mobile" or "notification".</summary>
    private static bool IsPushMedium(string medium) =>
        medium.EndsWith("push", StringComparison.Ordinal)
        || medium.Contains("mobile", StringComparison.Ordinal)
        || medium.Contains("notification", StringComparison.Ordinal);
}
