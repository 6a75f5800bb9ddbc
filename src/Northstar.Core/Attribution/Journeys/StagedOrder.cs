namespace Northstar.Core.Attribution.Journeys;

/// <summary>Orders staged touches by time, then event id (UTF-8 bytes), read only on a tie of time.</summary>
internal sealed class StagedOrder(StagedPart[] parts)
{
    /// <summary>Sorts one actor's touches: insertion sort for the few most actors have.</summary>
    public void Sort(Span<(int Part, int At)> run)
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

    private int Compare((int Part, int At) a, (int Part, int At) b)
    {
        var (pa, pb) = (parts[a.Part], parts[b.Part]);
        var byTime = pa[a.At].Ticks.CompareTo(pb[b.At].Ticks);
        return byTime != 0 || a == b ? byTime : pa.Id(pa[a.At]).SequenceCompareTo(pb.Id(pb[b.At]));
    }
}
