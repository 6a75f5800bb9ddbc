namespace Northstar.Core.Attribution.Journeys;

/// <summary>Orders staged touches by time, then event id (UTF-8 bytes), read only on a tie of time.</summary>
internal sealed class StagedOrder(IReadOnlyList<ActorStaging> stagings)
{
    /// <summary>Sorts one actor's touches: insertion sort for the few most actors have.</summary>
    public void Sort(Span<(int Staging, int At)> run)
    {
        if (run.Length > 16)
        {
            run.Sort(Compare);
            return;
        }

        for (var i = 1; i < run.Length; i++)
        {
            var item = run[i];
            var j = i - 1;
            while (j >= 0 && Compare(run[j], item) > 0)
            {
                run[j + 1] = run[j];
                j--;
            }

            run[j + 1] = item;
        }
    }

    private int Compare((int Staging, int At) a, (int Staging, int At) b)
    {
        var (sa, sb) = (stagings[a.Staging], stagings[b.Staging]);
        var byTime = sa.Touches[a.At].Ticks.CompareTo(sb.Touches[b.At].Ticks);
        return byTime != 0 || a == b ? byTime : sa.Id(sa.Touches[a.At]).SequenceCompareTo(sb.Id(sb.Touches[b.At]));
    }
}
