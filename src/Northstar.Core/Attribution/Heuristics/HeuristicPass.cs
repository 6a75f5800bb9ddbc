namespace Northstar.Core.Attribution.Heuristics;

/// <summary>
/// Several heuristic models and simplified Shapley in one pass over the journeys (or paths):
/// each touch's key numbered once, the weights of each model written into one reused buffer,
/// the sums kept in flat arrays. Per model and key the additions happen in the same order as
/// the single-model loop's, so the credits are the same to the last digit.
/// </summary>
internal static class HeuristicPass
{
    public static HeuristicCredits Journeys(IEnumerable<Journey> journeys, HeuristicModel[] models, TimeSpan halfLife, Func<Touch, string> key)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var table = new CreditTable(models);
        var numbers = new KeyNumbers(table);
        var (keys, weights) = (new int[16], new double[16]);
        foreach (var journey in journeys)
        {
            if (!journey.Converted)
            {
                continue;
            }

            var (touches, n) = (journey.Touches, journey.Touches.Count);
            if (n > keys.Length)
            {
                (keys, weights) = (new int[n * 2], new double[n * 2]);
            }

            for (var i = 0; i < n; i++)
            {
                keys[i] = numbers.Of(key(touches[i]));
            }

            for (var m = 0; m < models.Length; m++)
            {
                TouchWeights.Fill(journey, models[m], halfLife, weights.AsSpan(0, n));
                for (var i = 0; i < n; i++)
                {
                    table.Credit(m, keys[i], weights[i], 1, journey.Value);
                }
            }

            if (n > 0)
            {
                table.Shapley(keys.AsSpan(0, n), 1, journey.Value);
            }
        }

        return table.ToCredits();
    }

    public static HeuristicCredits Paths(PathTableColumns paths, HeuristicModel[] models)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var table = new CreditTable(models);
        var direct = new bool[paths.Channels.Count];
        for (var c = 0; c < direct.Length; c++)
        {
            table.Add(paths.Channels[c]);
            direct[c] = TouchWeights.IsDirect(paths.Channels[c]);
        }

        var weights = new double[paths.LongestPath];
        for (var p = 0; p < paths.Count; p++)
        {
            var (conversions, value) = (paths.Conversions[p], paths.Values[p]);
            if (conversions == 0 && value == 0)
            {
                continue;
            }

            var path = paths.Path(p);
            for (var m = 0; m < models.Length; m++)
            {
                TouchWeights.FillPath(path, direct, models[m], weights.AsSpan(0, path.Length));
                for (var i = 0; i < path.Length; i++)
                {
                    table.Credit(m, path[i], weights[i], conversions, value);
                }
            }

            table.Shapley(path, conversions, value);
        }

        return table.ToCredits();
    }
}
