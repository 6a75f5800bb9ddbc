namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The values of a contact that the lifecycle counts group and filter by (as on
/// <see cref="ContactLifecycle"/>), plus its ICP fit (the condition of <c>icp_leads</c>).
/// </summary>
public readonly record struct ContactDims(
    string? Channel,
    string? Source,
    string? Medium,
    string? Campaign,
    string? LandingPage,
    string? Segment,
    string? Owner,
    bool? IcpFit)
{
    /// <summary>The dimensions a contact count can be grouped by, in a fixed order (stores number them from 1).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        Dimensions.Channel, Dimensions.Source, Dimensions.Medium, Dimensions.Campaign,
        Dimensions.LandingPage, Dimensions.Segment, Dimensions.Owner,
    ];

    /// <summary>The contact's own values.</summary>
    public static ContactDims Of(ContactLifecycle contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new(contact.Channel, contact.Source, contact.Medium, contact.Campaign, contact.LandingPage, contact.Segment, contact.Owner, contact.IcpFit);
    }

    /// <summary>A dimension's value by its name in <see cref="Dimensions"/> (null for any other name).</summary>
    public string? Get(string dimension) => dimension switch
    {
        Dimensions.Channel => Channel,
        Dimensions.Source => Source,
        Dimensions.Medium => Medium,
        Dimensions.Campaign => Campaign,
        Dimensions.LandingPage => LandingPage,
        Dimensions.Segment => Segment,
        Dimensions.Owner => Owner,
        _ => null,
    };
}
