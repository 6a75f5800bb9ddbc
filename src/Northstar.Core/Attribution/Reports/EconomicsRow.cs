namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// One channel's spend against what a model credits it with, and the ratios KPIS.md defines:
/// CAC = acquisition spend / customers credited; ROAS = revenue credited / media spend;
/// ROI = (revenue credited - acquisition spend) / acquisition spend. A ratio whose divisor is 0 is
/// null, and so is the CAC of a channel without acquisition spend: its customers cost what was not
/// recorded against it, not nothing (0 would rank it the cheapest channel). The untouched line has
/// no channel, hence no spend and no ratios.
/// </summary>
/// <param name="Channel">The channel.</param>
/// <param name="AcquisitionSpend">Spend of every kind but service in the period.</param>
/// <param name="MediaSpend">Media spend in the period.</param>
/// <param name="Customers">New customers credited to the channel.</param>
/// <param name="Revenue">Won revenue credited to the channel.</param>
/// <param name="Cac">Customer acquisition cost; null without customers or without acquisition spend.</param>
/// <param name="Roas">Return on ad spend (revenue per unit of media spend).</param>
/// <param name="Roi">Return on investment (0.5 = 50% more back than spent).</param>
public sealed record EconomicsRow(
    string Channel,
    decimal AcquisitionSpend,
    decimal MediaSpend,
    double Customers,
    double Revenue,
    decimal? Cac,
    double? Roas,
    double? Roi);
