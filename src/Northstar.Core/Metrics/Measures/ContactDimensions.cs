using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Measures;

/// <summary>The dimensions of a contact: its source (first touch, else its own columns), segment and owner.</summary>
internal static class ContactDimensions
{
    public static IReadOnlyList<string> Names => ContactDims.Names;

    public static string? Get(ContactLifecycle contact, string dimension) => dimension switch
    {
        Dimensions.Channel => contact.Channel,
        Dimensions.Source => contact.Source,
        Dimensions.Medium => contact.Medium,
        Dimensions.Campaign => contact.Campaign,
        Dimensions.LandingPage => contact.LandingPage,
        Dimensions.Segment => contact.Segment,
        Dimensions.Owner => contact.Owner,
        _ => null,
    };

    public static string? Get(ContactDims contact, string dimension) => contact.Get(dimension);
}
