namespace Northstar.Core.Simulation;

/// <summary>
/// The true channel effects of the assists variant, exactly: expectations over the touch counts
/// (pre-lead returns capped geometric, window returns and nurture clicks Poisson), no sampling.
/// </summary>
/// <remarks>
/// A lead of first-touch channel f becomes an MQL with probability
/// r1(f) x (1 - (1 - base x r2(f)) x E[product over the distinct channels c it touched of (1 - q(c))]),
/// r1, r2 its lead-to-IQL and IQL-to-MQL rates, q the qualify chances. Removing channel x takes
/// its first-touch leads away and sets q(x) to 0 for every other lead (its touches do not happen);
/// the effect is the expected MQLs lost, and customers lost are each lead's lost MQL probability
/// times its channel's rates from MQL to customer. The expectation is over the set U of channels
/// touched: P(U within B) = G(weight of B in the return mix) x exp(-sum of the window rates
/// outside B), G the pre-lead returns' generating function, and P(U = A) follows by inclusion and
/// exclusion over the subsets of A (3^6 terms for the six return channels).
/// </remarks>
internal static class AssistEffects
{
    private static readonly string[] Mix = [.. CompanyModel.ReturnMix.Select(r => r.Channel)];
    private static readonly double[] Weights = [.. CompanyModel.ReturnMix.Select(r => r.Weight)];
    private static readonly double WindowTotal = AssistModel.WindowMix.Sum();

    public static AssistTruth Build(IReadOnlyList<ChannelProfile> channels, IReadOnlyList<double> leads, double abLift)
    {
        var full = new double[channels.Count];
        for (var f = 0; f < channels.Count; f++)
        {
            full[f] = MqlChance(channels[f], abLift, removed: null);
        }

        var effects = new List<ChannelEffect>(channels.Count);
        for (var x = 0; x < channels.Count; x++)
        {
            var own = leads[x] * full[x];
            var (mqls, customers) = (own, own * AfterMql(channels[x]));
            for (var f = 0; f < channels.Count; f++)
            {
                if (f != x)
                {
                    var lost = leads[f] * (full[f] - MqlChance(channels[f], abLift, channels[x].Id));
                    mqls += lost;
                    customers += lost * AfterMql(channels[f]);
                }
            }

            effects.Add(new ChannelEffect(channels[x].Id, mqls, customers, own, full[x]));
        }

        return new AssistTruth
        {
            QualifyChance = AssistModel.QualifyChance, BaseShare = AssistModel.BaseShare,
            ReturnMix = CompanyModel.ReturnMix.ToDictionary(r => r.Channel, r => r.Weight),
            WindowMix = Mix.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => AssistModel.WindowMix[p.i] / WindowTotal),
            ReturnsPerLead = AssistModel.ReturnsPerLead, NurtureClicksPerLead = AssistModel.NurtureClicksPerLead, Effects = effects,
        };
    }

    /// <summary>Probability that a lead of the channel becomes an MQL, with <paramref name="removed"/> (if any) taking no part.</summary>
    public static double MqlChance(ChannelProfile channel, double abLift, string? removed)
    {
        var unqualified = ExpectedUnqualified(AbShareOfLeads(channel, abLift), removed);
        return channel.StageRates[0] * (1 - ((1 - (AssistModel.BaseShare * channel.StageRates[1])) * unqualified));
    }

    /// <summary>Share of the channel's leads from the A/B landing page: one visit, no pre-lead returns.</summary>
    public static double AbShareOfLeads(ChannelProfile channel, double abLift) =>
        CompanyModel.AbChannels.Contains(channel.Id)
            ? CompanyModel.AbShare * (CompanyModel.AbRate(false, abLift) + CompanyModel.AbRate(true, abLift)) / 2
                / SpendPlan.EffectiveLeadRate(channel, abLift)
            : 0;

    /// <summary>E[product over the distinct channels touched of (1 - q)], pre-lead returns and window touches together.</summary>
    public static double ExpectedUnqualified(double abShare, string? removed)
    {
        var n = Mix.Length;
        var within = new double[1 << n];
        for (var b = 0; b < within.Length; b++)
        {
            within[b] = WithinChance(b, abShare);
        }

        var expected = 0.0;
        for (var a = 0; a < within.Length; a++)
        {
            // P(U = A) by inclusion-exclusion over the subsets B of A.
            var exactly = 0.0;
            for (var b = a; ; b = (b - 1) & a)
            {
                exactly += ((System.Numerics.BitOperations.PopCount((uint)(a & ~b)) & 1) == 0 ? 1 : -1) * within[b];
                if (b == 0)
                {
                    break;
                }
            }

            var product = 1.0;
            for (var c = 0; c < n; c++)
            {
                if ((a >> c & 1) == 1 && Mix[c] != removed)
                {
                    product *= 1 - AssistModel.Chance(Mix[c]);
                }
            }

            expected += exactly * product;
        }

        return expected;
    }

    /// <summary>P(every channel touched lies in the set <paramref name="mask"/>).</summary>
    private static double WithinChance(int mask, double abShare)
    {
        var weight = 0.0;
        var outside = 0.0;
        for (var c = 0; c < Mix.Length; c++)
        {
            var rate = (AssistModel.ReturnsPerLead * AssistModel.WindowMix[c] / WindowTotal) + (Mix[c] == "email" ? AssistModel.NurtureClicksPerLead : 0);
            if ((mask >> c & 1) == 1)
            {
                weight += Weights[c];
            }
            else
            {
                outside += rate;
            }
        }

        return (abShare + ((1 - abShare) * PreLeadGenerating(weight))) * Math.Exp(-outside);
    }

    /// <summary>E[x^K], K the pre-lead returns of a (non-A/B) converting visitor: Geometric(stop), capped.</summary>
    private static double PreLeadGenerating(double x)
    {
        var stop = CompanyModel.ConverterReturnStop;
        var cap = CompanyModel.ConverterMaxReturns;
        var sum = 0.0;
        for (var k = 0; k < cap; k++)
        {
            sum += Math.Pow(1 - stop, k) * stop * Math.Pow(x, k);
        }

        return sum + (Math.Pow(1 - stop, cap) * Math.Pow(x, cap));
    }

    /// <summary>Probability of reaching customer from MQL: the channel's rates from MQL on.</summary>
    private static double AfterMql(ChannelProfile channel)
    {
        var rate = 1.0;
        for (var i = (int)Facts.Stage.Mql; i < channel.StageRates.Length; i++)
        {
            rate *= channel.StageRates[i];
        }

        return rate;
    }
}
