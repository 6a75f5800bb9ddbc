using System.Runtime.InteropServices;

namespace Northstar.Core.Attribution.Heuristics;

/// <summary>
/// The simplified Shapley values of Zhao et al. (2018, "Shapley value methods for attribution
/// modeling in online advertising"), over aggregated paths.
/// </summary>
/// <remarks>
/// Simplified: a converting path's conversions and value are split equally over its distinct
/// channels (the Shapley value of the game where a channel set earns the conversions of the
/// paths whose channel set is exactly it, which reduces to this equal split).
/// Ordered: the same split, kept apart by position: a channel's share on a path is credited to
/// the position of its first appearance among the path's distinct channels, in time order
/// (path "a > b > a > c" has distinct order a, b, c: a at 1, b at 2, c at 3). Summing a
/// channel's ordered credits over positions gives its simplified credit.
/// Non-converting counts play no part in either.
/// </remarks>
public static class ShapleyAttribution
{
    /// <summary>Credits per channel, ordered by channel (ordinal).</summary>
    public static IReadOnlyList<ChannelCredit> Simplified(IEnumerable<ChannelPath> paths)
    {
        var totals = new Dictionary<string, (double Conversions, double Value)>(StringComparer.Ordinal);
        foreach (var (channel, _, conversions, value) in Shares(paths))
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, channel, out _);
            sum = (sum.Conversions + conversions, sum.Value + value);
        }

        return HeuristicAttribution.Sorted(totals);
    }

    /// <summary>Credits per channel and position, ordered by channel then position.</summary>
    public static IReadOnlyList<PositionCredit> Ordered(IEnumerable<ChannelPath> paths)
    {
        var totals = new Dictionary<(string Channel, int Position), (double Conversions, double Value)>();
        foreach (var (channel, position, conversions, value) in Shares(paths))
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, (channel, position), out _);
            sum = (sum.Conversions + conversions, sum.Value + value);
        }

        return [.. totals
            .OrderBy(p => p.Key.Channel, StringComparer.Ordinal).ThenBy(p => p.Key.Position)
            .Select(p => new PositionCredit(p.Key.Channel, p.Key.Position, p.Value.Conversions, p.Value.Value))];
    }

    private static IEnumerable<(string Channel, int Position, double Conversions, double Value)> Shares(IEnumerable<ChannelPath> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path.Conversions == 0 && path.Value == 0)
            {
                continue;
            }

            distinct.Clear();
            seen.Clear();
            foreach (var channel in path.Channels)
            {
                if (seen.Add(channel))
                {
                    distinct.Add(channel);
                }
            }

            var k = distinct.Count;
            for (var i = 0; i < k; i++)
            {
                yield return (distinct[i], i + 1, (double)path.Conversions / k, path.Value / k);
            }
        }
    }
}
