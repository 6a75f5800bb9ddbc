using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

/// <summary>A deal seen through its dimensions.</summary>
internal readonly record struct DealDimensions(Deal Deal, MetricContext Context)
{
    public static IReadOnlyList<string> Names { get; } =
    [
        Dimensions.DealSource, Dimensions.Channel, Dimensions.Source, Dimensions.Medium, Dimensions.Campaign,
        Dimensions.LandingPage, Dimensions.Segment, Dimensions.Owner,
    ];

    public static string? Get(DealDimensions row, string dimension)
    {
        if (dimension == Dimensions.DealSource)
        {
            return row.Deal.Source is { } source ? SnakeCaseNames<DealSource>.Name(source) : null;
        }

        var contact = row.Context.DealContact(row.Deal);
        if (dimension == Dimensions.Segment)
        {
            return row.Context.Account(row.Deal.AccountId)?.Segment ?? contact?.Segment;
        }

        return contact is null ? null : ContactDimensions.Get(contact, dimension);
    }
}
