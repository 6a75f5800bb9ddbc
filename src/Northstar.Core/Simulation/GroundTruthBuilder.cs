using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>Puts the run's parameters and expectations into a <see cref="GroundTruth"/>.</summary>
internal static class GroundTruthBuilder
{
    /// <summary>Per-channel expectations of the run (visitors, spend), in catalog order, at the run's scale.</summary>
    public sealed record Expectations(double[] Visitors, double[] Leads, double[] Spend);

    public static GroundTruth Build(SimulationOptions options, double scale, Expectations expected)
    {
        var channels = DemoChannels.All.Select((c, i) => Channel(c, scale, options.AbTestLift, expected, i)).ToList();
        return new GroundTruth
        {
            Options = options,
            Start = options.Start,
            End = options.End,
            Scale = scale,
            ExpectedContacts = channels.Sum(c => c.ExpectedLeads),
            Channels = channels,
            CustomChannelRules = CompanyModel.CustomChannelRules,
            AbTest = new AbTestTruth(CompanyModel.AbLandingPage, CompanyModel.AbChannels, CompanyModel.AbShare,
                CompanyModel.AbRate(false, options.AbTestLift), CompanyModel.AbRate(true, options.AbTestLift), options.AbTestLift),
            Brands = [.. CompanyModel.Brands.Select(b => new BrandTruth(b.Id, b.Ours, b.MeanDailyMentions, b.Positive, b.Neutral, b.Negative))],
            Segments = [.. CompanyModel.Segments.Select(s => new SegmentTruth(
                s.Id, s.Share, s.MeanListAmount, s.DiscountMin, s.DiscountMax, s.RenewalRate, s.CycleMultiplier))],
            StageSkipRates = CompanyModel.SkipRates.ToDictionary(p => SnakeCaseNames<Stage>.Name(p.Key), p => p.Value),
            MaxFunnelDays = CompanyModel.MaxFunnelDays,
            WeekdayTraffic = DemoChannels.Weekday,
            AnnualSpendGrowth = CompanyModel.AnnualSpendGrowth,
            SlaCompliance = CompanyModel.SlaCompliance,
            SlaHours = CompanyModel.SlaHours,
            DailyServiceSpend = CompanyModel.DailyServiceSpend * scale,
            Assists = options.AssistEffects ? AssistEffects.Build(DemoChannels.All, expected.Leads, options.AbTestLift) : null,
        };
    }

    private static ChannelTruth Channel(ChannelProfile c, double scale, double abLift, Expectations expected, int index)
    {
        var rates = new Dictionary<string, double>();
        var perLead = 1.0;
        for (var i = 0; i < c.StageRates.Length; i++)
        {
            rates[SnakeCaseNames<Stage>.Name((Stage)(i + 1))] = c.StageRates[i];
            perLead *= c.StageRates[i];
        }

        var effective = SpendPlan.EffectiveLeadRate(c, abLift);
        return new ChannelTruth
        {
            Channel = c.Id, Source = c.Source, Medium = c.Medium, Campaigns = c.Campaigns,
            LeadRate = c.LeadRate, EffectiveLeadRate = effective, StageRates = rates,
            CustomerRatePerLead = perLead, CustomerRatePerVisitor = perLead * effective,
            ExpectedVisitors = expected.Visitors[index], ExpectedLeads = expected.Leads[index], TotalSpend = expected.Spend[index],
            SpendCurve = new SpendCurveTruth
            {
                DailySpend = c.DailySpend * scale, OrganicVisitors = c.OrganicVisitors * scale, ReachVisitors = c.ReachVisitors * scale,
                Saturation = c.Saturation * scale, ClickThroughRate = c.ClickThroughRate,
                KindShares = c.SpendMix.ToDictionary(m => SnakeCaseNames<SpendKind>.Name(m.Kind), m => m.Share),
            },
            Monthly = c.Monthly,
        };
    }
}
