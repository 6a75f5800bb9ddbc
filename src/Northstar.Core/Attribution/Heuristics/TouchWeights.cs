namespace Northstar.Core.Attribution.Heuristics;

/// <summary>
/// The share of one journey's credit each touch gets under a heuristic model; the shares sum to 1.
/// </summary>
/// <remarks>
/// Role-based models (W-shaped, full path) give each role's share to the touch holding it: the
/// first touch, the first touch flagged <see cref="Touch.LeadCreation"/>, the first flagged
/// <see cref="Touch.OpportunityCreation"/>, and (full path) the last touch. When roles coincide
/// on one touch, that touch gets their shares added. When a role is missing (no flagged touch),
/// its share is split equally over the roles that are present (the first touch always is), so
/// the journey keeps its whole credit. The rest share goes equally to the touches holding no
/// role; when every touch holds a role, the rest share goes to the role touches in proportion
/// to their shares (the weights are rescaled to sum to 1).
/// </remarks>
public static class TouchWeights
{
    /// <summary>The default time-decay half-life: 7 days.</summary>
    public static readonly TimeSpan DefaultHalfLife = TimeSpan.FromDays(7);

    private const string Direct = "direct";

    /// <summary>Each touch's share of the journey's credit (same order as its touches).</summary>
    public static double[] For(Journey journey, HeuristicModel model, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var weights = new double[journey.Touches.Count];
        Fill(journey, model, halfLife, weights);
        return weights;
    }

    /// <summary>As <see cref="For"/>, into <paramref name="weights"/> (one per touch; cleared first): no allocation.</summary>
    internal static void Fill(Journey journey, HeuristicModel model, TimeSpan halfLife, Span<double> weights)
    {
        var n = journey.Touches.Count;
        if (n == 0)
        {
            throw new ArgumentException($"journey of '{journey.ContactId}' has no touches", nameof(journey));
        }

        weights.Clear();
        switch (model)
        {
            case HeuristicModel.FirstTouch:
                weights[0] = 1;
                break;
            case HeuristicModel.LastTouch:
                weights[n - 1] = 1;
                break;
            case HeuristicModel.LastNonDirectTouch:
                weights[LastNonDirect(journey.Touches)] = 1;
                break;
            case HeuristicModel.Linear:
                weights.Fill(1.0 / n);
                break;
            case HeuristicModel.TimeDecay:
                TimeDecay(journey, halfLife, weights);
                break;
            case HeuristicModel.PositionBased:
                PositionBased(weights);
                break;
            case HeuristicModel.WShaped:
                Roles(weights, [(0, 0.3), (FirstFlagged(journey.Touches, lead: true), 0.3), (FirstFlagged(journey.Touches, lead: false), 0.3)], 0.1);
                break;
            case HeuristicModel.FullPath:
                Roles(weights, [(0, 0.225), (FirstFlagged(journey.Touches, lead: true), 0.225), (FirstFlagged(journey.Touches, lead: false), 0.225), (n - 1, 0.225)], 0.1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "unknown heuristic model");
        }
    }

    /// <summary>
    /// Each position's share of a path's credit, for the models a bare channel path can drive
    /// (first, last, last non-direct, linear, position-based); time decay and the role-based
    /// models need touch times and lead/opportunity flags, which a path table does not carry.
    /// </summary>
    public static double[] ForPath(IReadOnlyList<string> channels, HeuristicModel model)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            throw new ArgumentException("a path has at least one channel", nameof(channels));
        }

        var direct = new bool[channels.Count];
        var path = new int[channels.Count];
        for (var i = 0; i < path.Length; i++)
        {
            (path[i], direct[i]) = (i, IsDirect(channels[i]));
        }

        var weights = new double[channels.Count];
        FillPath(path, direct, model, weights);
        return weights;
    }

    /// <summary>
    /// As <see cref="ForPath"/> for a path of channel numbers (<paramref name="direct"/> says which
    /// numbers are the direct channel), into <paramref name="weights"/> (cleared first).
    /// </summary>
    internal static void FillPath(ReadOnlySpan<int> path, bool[] direct, HeuristicModel model, Span<double> weights)
    {
        var n = path.Length;
        weights.Clear();
        switch (model)
        {
            case HeuristicModel.FirstTouch:
                weights[0] = 1;
                break;
            case HeuristicModel.LastTouch:
                weights[n - 1] = 1;
                break;
            case HeuristicModel.LastNonDirectTouch:
                var last = n - 1;
                while (last > 0 && direct[path[last]])
                {
                    last--;
                }

                weights[direct[path[last]] ? n - 1 : last] = 1;
                break;
            case HeuristicModel.Linear:
                weights.Fill(1.0 / n);
                break;
            case HeuristicModel.PositionBased:
                PositionBased(weights);
                break;
            default:
                throw new ArgumentException($"{model} needs touch times or lead/opportunity touches: it runs on journeys, not on a path table", nameof(model));
        }
    }

    /// <summary>True for the models <see cref="ForPath"/> can run.</summary>
    public static bool RunsOnPaths(HeuristicModel model) =>
        model is HeuristicModel.FirstTouch or HeuristicModel.LastTouch or HeuristicModel.LastNonDirectTouch or HeuristicModel.Linear or HeuristicModel.PositionBased;

    /// <summary>True for the channel the last-non-direct model passes over.</summary>
    internal static bool IsDirect(string channel) => string.Equals(channel, Direct, StringComparison.OrdinalIgnoreCase);

    private static int LastNonDirect(IReadOnlyList<Touch> touches)
    {
        for (var i = touches.Count - 1; i >= 0; i--)
        {
            if (!IsDirect(touches[i].Channel))
            {
                return i;
            }
        }

        return touches.Count - 1;
    }

    private static int? FirstFlagged(IReadOnlyList<Touch> touches, bool lead)
    {
        for (var i = 0; i < touches.Count; i++)
        {
            if (lead ? touches[i].LeadCreation : touches[i].OpportunityCreation)
            {
                return i;
            }
        }

        return null;
    }

    private static void TimeDecay(Journey journey, TimeSpan halfLife, Span<double> weights)
    {
        if (halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "the half-life must be positive");
        }

        // Measured from the last touch rather than the conversion: the common factor
        // 2^(-(conversion - last touch)/h) cancels in the normalisation, and old journeys
        // then cannot underflow every weight to zero.
        var touches = journey.Touches;
        var reference = touches[^1].At;
        var sum = 0.0;
        for (var i = 0; i < touches.Count; i++)
        {
            weights[i] = Math.Pow(2, -(reference - touches[i].At).TotalSeconds / halfLife.TotalSeconds);
            sum += weights[i];
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= sum;
        }
    }

    private static void PositionBased(Span<double> weights)
    {
        var n = weights.Length;
        if (n <= 2)
        {
            weights.Fill(1.0 / n);
            return;
        }

        weights[0] = 0.4;
        weights[n - 1] = 0.4;
        for (var i = 1; i < n - 1; i++)
        {
            weights[i] = 0.2 / (n - 2);
        }
    }

    private static void Roles(Span<double> weights, ReadOnlySpan<(int? Index, double Share)> roles, double restShare)
    {
        var (present, missingShare) = (0, 0.0);
        foreach (var (index, share) in roles)
        {
            present += index is null ? 0 : 1;
            missingShare += index is null ? share : 0;
        }

        foreach (var (index, share) in roles)
        {
            if (index is { } i)
            {
                weights[i] += share + (missingShare / present);
            }
        }

        var rest = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            rest += IsRole(roles, i) ? 0 : 1;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            if (rest > 0 && !IsRole(roles, i))
            {
                weights[i] = restShare / rest;
            }
            else if (rest == 0)
            {
                weights[i] /= 1 - restShare;
            }
        }
    }

    private static bool IsRole(ReadOnlySpan<(int? Index, double Share)> roles, int touch)
    {
        foreach (var role in roles)
        {
            if (role.Index == touch)
            {
                return true;
            }
        }

        return false;
    }
}
