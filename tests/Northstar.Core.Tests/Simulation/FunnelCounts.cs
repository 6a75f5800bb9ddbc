using Northstar.Core.Facts;

namespace Northstar.Core.Tests.Simulation;

/// <summary>
/// Funnel counts worked out from the written facts alone, the way KPIS.md defines them: a contact
/// has entered every stage up to the highest one it has a row for (skipped stages count as entered).
/// </summary>
internal static class FunnelCounts
{
    /// <summary>Highest funnel stage (lead..customer, as an int) of each contact created before the cutoff, by its channel.</summary>
    public static Dictionary<string, List<int>> HighestStageByChannel(CollectingSink sink, DateTimeOffset createdBefore)
    {
        var channelOf = sink.Contacts.Where(c => c.CreatedAt < createdBefore).ToDictionary(c => c.ContactId, c => c.Channel!);
        var highest = new Dictionary<string, int>();
        foreach (var row in sink.Stages)
        {
            if (row.Stage != Stage.Churned && channelOf.ContainsKey(row.ContactId))
            {
                highest[row.ContactId] = Math.Max(highest.GetValueOrDefault(row.ContactId, -1), (int)row.Stage);
            }
        }

        return channelOf.GroupBy(p => p.Value)
            .ToDictionary(g => g.Key, g => g.Select(p => highest.GetValueOrDefault(p.Key, -1)).ToList());
    }

    /// <summary>Contacts that entered stage <paramref name="from"/> and of those, the ones that entered the next stage.</summary>
    public static (int Entered, int Converted) Transition(IEnumerable<int> highest, int from) =>
        (highest.Count(h => h >= from), highest.Count(h => h >= from + 1));

    /// <summary>Whether x successes of n lie within k standard errors of a binomial proportion p.</summary>
    public static bool WithinStandardErrors(int x, int n, double p, double k) =>
        Math.Abs(((double)x / n) - p) <= k * Math.Sqrt(p * (1 - p) / n);
}
