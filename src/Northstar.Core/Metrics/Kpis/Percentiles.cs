namespace Northstar.Core.Metrics.Kpis;

/// <summary>Percentiles by linear interpolation between closest ranks (Excel's PERCENTILE.INC, numpy's default).</summary>
internal static class Percentiles
{
    /// <summary>The p-th percentile (0..1) of the values; null when there are none.</summary>
    public static double? Of(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var rank = p * (values.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, values.Count - 1);
        return values[below] + ((rank - below) * (values[above] - values[below]));
    }
}
