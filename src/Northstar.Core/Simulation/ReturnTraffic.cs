namespace Northstar.Core.Simulation;

/// <summary>Later visits of a known visitor through the return mix: the assists of multi-touch journeys.</summary>
internal sealed class ReturnTraffic(Xoshiro rng)
{
    private static readonly double[] Weights = [.. CompanyModel.ReturnMix.Select(r => r.Weight)];
    private static readonly ChannelProfile[] Channels =
        [.. CompanyModel.ReturnMix.Select(r => DemoChannels.All.First(c => c.Id == r.Channel))];

    /// <summary>A return visit (no ad events: it is not a first touch).</summary>
    public Visit Next(string anonymousId, string? contactId, DateTimeOffset at) => Next(anonymousId, contactId, at, Weights);

    /// <summary>A return visit drawn with other weights over the return mix's channels (same order).</summary>
    public Visit Next(string anonymousId, string? contactId, DateTimeOffset at, IReadOnlyList<double> weights)
    {
        var channel = Channels[rng.Weighted(weights)];
        return new Visit
        {
            AnonymousId = anonymousId, ContactId = contactId, Channel = channel, Start = at,
            Campaign = channel.Campaigns.Length > 0 ? channel.Campaigns[^1] : null,
            LandingPage = rng.Pick(DemoChannels.SitePages),
        };
    }
}
