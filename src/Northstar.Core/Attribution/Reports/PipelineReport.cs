using System.Runtime.InteropServices;

namespace Northstar.Core.Attribution.Reports;

/// <summary>Sourced vs influenced pipeline per channel, for the deals created in a period.</summary>
public static class PipelineReport
{
    /// <summary>
    /// Per channel: sourced = the deals whose contact's original source (<see cref="DealOrigin.Channel"/>,
    /// as the pipeline KPIs count it) is the channel, each in full; influenced = the deals whose
    /// journey (touches in the look-back window before the deal) touched the channel, each in full,
    /// once however often it touched. The deals and pipeline are those of <paramref name="deals"/>.
    /// </summary>
    /// <param name="dealJourneys">Journeys to a deal created (the deal's amount their value); non-converting ones are skipped.</param>
    /// <param name="deals">Every deal created in the period with its original source (<see cref="DealOrigin.CreatedIn"/>).</param>
    /// <param name="untouchedDeals">Deals created without a touch in the look-back window.</param>
    /// <param name="untouchedPipeline">Their amount.</param>
    public static PipelineTable Compute(IEnumerable<Journey> dealJourneys, IEnumerable<DealOrigin> deals, long untouchedDeals = 0, double untouchedPipeline = 0)
    {
        ArgumentNullException.ThrowIfNull(dealJourneys);
        ArgumentNullException.ThrowIfNull(deals);
        var sums = new Dictionary<string, (long SourcedDeals, double Sourced, long InfluencedDeals, double Influenced)>(StringComparer.Ordinal);
        var (count, pipeline, unsourcedDeals, unsourced) = (0L, 0.0, 0L, 0.0);
        foreach (var deal in deals)
        {
            (count, pipeline) = (count + 1, pipeline + deal.Amount);
            if (deal.Channel is not { Length: > 0 } channel)
            {
                (unsourcedDeals, unsourced) = (unsourcedDeals + 1, unsourced + deal.Amount);
                continue;
            }

            ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, channel, out _);
            row = (row.SourcedDeals + 1, row.Sourced + deal.Amount, row.InfluencedDeals, row.Influenced);
        }

        AddInfluence(dealJourneys, sums);
        var rows = sums
            .Select(p => new PipelineRow(p.Key, p.Value.SourcedDeals, p.Value.Sourced, p.Value.InfluencedDeals, p.Value.Influenced, CreditReport.Share(p.Value.Sourced, pipeline), CreditReport.Share(p.Value.Influenced, pipeline)))
            .OrderByDescending(r => r.SourcedPipeline).ThenByDescending(r => r.InfluencedPipeline).ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ToList();
        return new PipelineTable(rows, count, pipeline, unsourcedDeals, unsourced, untouchedDeals, untouchedPipeline);
    }

    private static void AddInfluence(IEnumerable<Journey> dealJourneys, Dictionary<string, (long SourcedDeals, double Sourced, long InfluencedDeals, double Influenced)> sums)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var journey in dealJourneys)
        {
            if (!journey.Converted)
            {
                continue;
            }

            seen.Clear();
            foreach (var touch in journey.Touches)
            {
                if (seen.Add(touch.Channel))
                {
                    ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, touch.Channel, out _);
                    row = (row.SourcedDeals, row.Sourced, row.InfluencedDeals + 1, row.Influenced + journey.Value);
                }
            }
        }
    }
}
