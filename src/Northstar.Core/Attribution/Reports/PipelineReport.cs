using System.Runtime.InteropServices;

namespace Northstar.Core.Attribution.Reports;

/// <summary>Sourced vs influenced pipeline, from journeys that run up to a deal created (the deal's amount their value).</summary>
public static class PipelineReport
{
    /// <summary>
    /// Per channel: sourced = the first touch's channel gets the deal; influenced = every
    /// channel the journey touched gets the whole deal (once, however often it touched).
    /// Non-converting journeys are skipped.
    /// </summary>
    /// <param name="dealJourneys">Journeys to a deal created.</param>
    /// <param name="untouchedDeals">Deals created without a touch.</param>
    /// <param name="untouchedPipeline">Their amount.</param>
    public static PipelineTable Compute(IEnumerable<Journey> dealJourneys, long untouchedDeals = 0, double untouchedPipeline = 0)
    {
        ArgumentNullException.ThrowIfNull(dealJourneys);
        var sums = new Dictionary<string, (long SourcedDeals, double Sourced, long InfluencedDeals, double Influenced)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (deals, pipeline) = (untouchedDeals, untouchedPipeline);
        foreach (var journey in dealJourneys)
        {
            if (!journey.Converted || journey.Touches.Count == 0)
            {
                continue;
            }

            (deals, pipeline) = (deals + 1, pipeline + journey.Value);
            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, journey.Touches[0].Channel, out _);
            first = (first.SourcedDeals + 1, first.Sourced + journey.Value, first.InfluencedDeals, first.Influenced);
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

        var rows = sums
            .Select(p => new PipelineRow(p.Key, p.Value.SourcedDeals, p.Value.Sourced, p.Value.InfluencedDeals, p.Value.Influenced, CreditReport.Share(p.Value.Sourced, pipeline), CreditReport.Share(p.Value.Influenced, pipeline)))
            .OrderByDescending(r => r.SourcedPipeline).ThenByDescending(r => r.InfluencedPipeline).ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ToList();
        return new PipelineTable(rows, deals, pipeline, untouchedDeals, untouchedPipeline);
    }
}
