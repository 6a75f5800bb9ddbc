using Northstar.Core.Channels;

namespace Northstar.Core.Tests.Channels;

/// <summary>
/// Email, Affiliates, Audio, SMS, Mobile Push Notifications and Unassigned, each row citing the
/// documented rule it follows.
/// </summary>
public class OtherChannelTests
{
    private static readonly ChannelGrouping Grouping = ChannelGrouping.Default;

    [Theory]
    // Email: Source = email|e-mail|e_mail|e mail OR Medium = email|e-mail|e_mail|e mail.
    [InlineData("newsletter", "email")]
    [InlineData("hubspot", "e-mail")]
    [InlineData("mailchimp", "e_mail")]
    [InlineData("crm", "e mail")]
    [InlineData("email", "nurture")]
    [InlineData("E-Mail", "")]
    public void Classify_EmailSourceOrMedium_IsEmail(string source, string medium) =>
        Assert.Equal("email", Grouping.Classify(source, medium, "weekly_digest"));

    [Theory]
    // Affiliates: Medium = affiliate; the plural "affiliates" is a Northstar extension, not GA4 wording.
    [InlineData("partner", "affiliate")]
    [InlineData("awin", "affiliates")]
    [InlineData("impact", "Affiliate")]
    public void Classify_AffiliateMedium_IsAffiliates(string source, string medium) =>
        Assert.Equal("affiliates", Grouping.Classify(source, medium, null));

    [Theory]
    // Audio: Medium exactly matches audio.
    [InlineData("spotify", "audio")]
    [InlineData("podcast", "AUDIO")]
    public void Classify_AudioMedium_IsAudio(string source, string medium) =>
        Assert.Equal("audio", Grouping.Classify(source, medium, null));

    [Theory]
    // SMS: Source exactly matches sms OR Medium exactly matches sms.
    [InlineData("twilio", "sms")]
    [InlineData("sms", "text")]
    [InlineData("SMS", "")]
    public void Classify_SmsSourceOrMedium_IsSms(string source, string medium) =>
        Assert.Equal("sms", Grouping.Classify(source, medium, null));

    [Theory]
    // Mobile Push Notifications: Medium ends with "push" OR Medium contains "mobile" or
    // "notification" OR Source exactly matches "firebase".
    [InlineData("onesignal", "web-push")]
    [InlineData("braze", "push")]
    [InlineData("app", "mobile")]
    [InlineData("app", "in-app-notification")]
    [InlineData("firebase", "")]
    public void Classify_PushMediumOrFirebase_IsMobilePushNotifications(string source, string medium) =>
        Assert.Equal("mobile_push_notifications", Grouping.Classify(source, medium, null));

    [Theory]
    // Unassigned: no rule holds.
    [InlineData("partner", "foo")]
    [InlineData("newsletter", "")]  // a source without a medium matches no rule
    [InlineData("", "offline")]
    [InlineData("qr", "print")]
    [InlineData("(not set)", "pushy")] // "pushy" does not end with "push"
    public void Classify_NoRuleHolds_IsUnassigned(string source, string medium) =>
        Assert.Equal("unassigned", Grouping.Classify(source, medium, null));
}
