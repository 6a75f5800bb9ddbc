namespace Northstar.Core.Simulation;

/// <summary>
/// Daily spend and expected visitors per channel. Its own random stream, so a dry run at scale 1
/// (to size the company) sees exactly the spend draws of the real run.
/// </summary>
internal sealed class SpendPlan(long seed, double scale, DateOnly start, ShockTable shocks)
{
    private const ulong Stream = 0x5bd1e995;
    private readonly Xoshiro _rng = new(seed, Stream);
    private readonly IReadOnlyList<ChannelProfile> _channels = DemoChannels.All;

    public double Scale => scale;

    /// <summary>Fills today's spend per channel (catalog order); call once per day, in day order.</summary>
    public void Spend(DateOnly day, Span<double> spend)
    {
        var years = (day.DayNumber - start.DayNumber) / 365.25;
        var growth = 1 + (CompanyModel.AnnualSpendGrowth * years);
        for (var i = 0; i < _channels.Count; i++)
        {
            var c = _channels[i];
            var noise = Math.Exp((CompanyModel.SpendNoise * _rng.Normal()) - (CompanyModel.SpendNoise * CompanyModel.SpendNoise / 2));
            spend[i] = scale * c.DailySpend * c.Monthly[day.Month - 1] * growth * noise * shocks.Spend(c.Id, day);
        }
    }

    /// <summary>Expected first-touch visitors of a channel on a day with that spend: the concave spend curve.</summary>
    public double Visitors(ChannelProfile channel, DateOnly day, double spend)
    {
        var curve = channel.OrganicVisitors + (channel.ReachVisitors * (1 - Math.Exp(-spend / (scale * channel.Saturation))));
        return scale * channel.Monthly[day.Month - 1] * DemoChannels.Weekday[((int)day.DayOfWeek + 6) % 7] * curve
            * shocks.Traffic(channel.Id, day);
    }

    /// <summary>Probability that a first-touch visitor of the channel becomes a lead, A/B test included.</summary>
    public static double EffectiveLeadRate(ChannelProfile channel, double abLift)
    {
        if (!CompanyModel.AbChannels.Contains(channel.Id))
        {
            return channel.LeadRate;
        }

        var abRate = (CompanyModel.AbRate(false, abLift) + CompanyModel.AbRate(true, abLift)) / 2;
        return ((1 - CompanyModel.AbShare) * channel.LeadRate) + (CompanyModel.AbShare * abRate);
    }
}
