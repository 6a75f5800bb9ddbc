namespace Northstar.Core.Channels;

/// <summary>
/// The snake_case ids of the default channels, after the GA4 "Default channel group"
/// (display names in <see cref="ChannelCatalog"/>).
/// </summary>
public static class ChannelIds
{
    public const string Direct = "direct";
    public const string CrossNetwork = "cross_network";
    public const string PaidShopping = "paid_shopping";
    public const string PaidSearch = "paid_search";
    public const string PaidSocial = "paid_social";
    public const string PaidVideo = "paid_video";
    public const string Display = "display";
    public const string PaidOther = "paid_other";
    public const string OrganicShopping = "organic_shopping";
    public const string OrganicSocial = "organic_social";
    public const string OrganicVideo = "organic_video";
    public const string OrganicSearch = "organic_search";
    public const string Referral = "referral";
    public const string Email = "email";
    public const string Affiliates = "affiliates";
    public const string Audio = "audio";
    public const string Sms = "sms";
    public const string MobilePushNotifications = "mobile_push_notifications";
    public const string Unassigned = "unassigned";
}
