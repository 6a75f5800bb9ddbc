using Northstar.Core.Attribution;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Attribution.Heuristics;

/// <summary>Short journey fixtures: touches on builder days (day 1 = 2026-01-01 UTC).</summary>
internal static class Journeys
{
    public static Touch T(int day, string channel, string? campaign = null, bool lead = false, bool opportunity = false) =>
        new(BuilderTime.At(day), channel, campaign) { LeadCreation = lead, OpportunityCreation = opportunity };

    public static Journey Converted(double value, params Touch[] touches) =>
        new("c", touches, touches[^1].At, value);

    public static Journey ConvertedOn(int day, double value, params Touch[] touches) =>
        new("c", touches, BuilderTime.At(day), value);

    public static Journey Open(params Touch[] touches) => new("c", touches, null, 0);

    public static (double Conversions, double Value) Credit(IReadOnlyList<ChannelCredit> credits, string channel)
    {
        var credit = Assert.Single(credits, c => c.Channel == channel);
        return (credit.Conversions, credit.Value);
    }
}
