using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>One day of acquisition: first-touch visitors per channel and campaign, then the day's spend rows.</summary>
internal sealed class TrafficDay(Xoshiro rng, FactWriter writer, SpendPlan plan, VisitorSimulator visitors)
{
    private const string ServiceChannel = "customer_success";
    private readonly int[][] _clicks = [.. DemoChannels.All.Select(c => new int[Math.Max(1, c.Campaigns.Length)])];

    public void Simulate(DateOnly day, ReadOnlySpan<double> spend)
    {
        var channels = DemoChannels.All;
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i];
            var clicks = _clicks[i];
            Array.Clear(clicks);
            var count = rng.Poisson(plan.Visitors(channel, day, spend[i]));
            for (var v = 0; v < count; v++)
            {
                var campaignIndex = channel.Campaigns.Length > 1 ? rng.Next(channel.Campaigns.Length) : 0;
                visitors.Simulate(channel, channel.Campaigns.Length > 0 ? channel.Campaigns[campaignIndex] : null, day);
                clicks[campaignIndex]++;
            }

            WriteSpend(day, channel, spend[i], clicks);
        }

        writer.Add(new Spend
        {
            Date = day, Channel = ServiceChannel, Kind = SpendKind.Service,
            Amount = Money(CompanyModel.DailyServiceSpend * plan.Scale),
        }, FactKind.Spend);
    }

    private void WriteSpend(DateOnly day, ChannelProfile channel, double spend, int[] clicks)
    {
        if (channel.SpendMix.Length == 0)
        {
            return;
        }

        var campaigns = Math.Max(1, channel.Campaigns.Length);
        for (var c = 0; c < campaigns; c++)
        {
            var campaign = channel.Campaigns.Length > 0 ? channel.Campaigns[c] : "";
            foreach (var (kind, share) in channel.SpendMix)
            {
                var media = kind == SpendKind.Media && channel.Paid;
                writer.Add(new Spend
                {
                    Date = day, Channel = channel.Id, Campaign = campaign, Kind = kind,
                    Amount = Money(spend * share / campaigns),
                    Clicks = media ? clicks[c] : null,
                    Impressions = media ? (long)Math.Round(clicks[c] / channel.ClickThroughRate) : null,
                }, FactKind.Spend);
            }
        }
    }

    private static decimal Money(double amount) => Math.Round((decimal)amount, 2);
}
