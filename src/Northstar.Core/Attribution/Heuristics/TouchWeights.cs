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
        var n = journey.Touches.Count;
        if (n == 0)
        {
            throw new ArgumentException($"journey of '{journey.ContactId}' has no touches", nameof(journey));
        }

        var weights = new double[n];
        switch (model)
        {
            case HeuristicModel.FirstTouch:
                weights[0] = 1;
                break;
            case HeuristicModel.LastTouch:
                weights[n - 1] = 1;
                break;
            case HeuristicModel.LastNonDirectTouch:
                weights[LastNonDirect(n, i => journey.Touches[i].Channel)] = 1;
                break;
            case HeuristicModel.Linear:
                Array.Fill(weights, 1.0 / n);
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

        return weights;
    }

    /// <summary>
    /// Each position's share of a path's credit, for the models a bare channel path can drive
    /// (first, last, last non-direct, linear, position-based); time decay and the role-based
    /// models need touch times and lead/opportunity flags, which a path table does not carry.
    /// </summary>
    public static double[] ForPath(IReadOnlyList<string> channels, HeuristicModel model)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var n = channels.Count;
        if (n == 0)
        {
            throw new ArgumentException("a path has at least one channel", nameof(channels));
        }

        var weights = new double[n];
        switch (model)
        {
            case HeuristicModel.FirstTouch:
                weights[0] = 1;
                break;
            case HeuristicModel.LastTouch:
                weights[n - 1] = 1;
                break;
            case HeuristicModel.LastNonDirectTouch:
                weights[LastNonDirect(n, i => channels[i])] = 1;
                break;
            case HeuristicModel.Linear:
                Array.Fill(weights, 1.0 / n);
                break;
            case HeuristicModel.PositionBased:
                PositionBased(weights);
                break;
            default:
                throw new ArgumentException($"{model} needs touch times or lead/opportunity touches: it runs on journeys, not on a path table", nameof(model));
        }

        return weights;
    }

    /// <summary>True for the models <see cref="ForPath"/> can run.</summary>
    public static bool RunsOnPaths(HeuristicModel model) =>
        model is HeuristicModel.FirstTouch or HeuristicModel.LastTouch or HeuristicModel.LastNonDirectTouch or HeuristicModel.Linear or HeuristicModel.PositionBased;

    private static int LastNonDirect(int count, Func<int, string> channelAt)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            if (!string.Equals(channelAt(i), Direct, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return count - 1;
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

    private static void TimeDecay(Journey journey, TimeSpan halfLife, double[] weights)
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

    private static void PositionBased(double[] weights)
    {
        var n = weights.Length;
        if (n <= 2)
        {
            Array.Fill(weights, 1.0 / n);
            return;
        }

        weights[0] = 0.4;
        weights[n - 1] = 0.4;
        for (var i = 1; i < n - 1; i++)
        {
            weights[i] = 0.2 / (n - 2);
        }
    }

    private static void Roles(double[] weights, (int? Index, double Share)[] roles, double restShare)
    {
        var present = roles.Count(r => r.Index is not null);
        var missingShare = roles.Where(r => r.Index is null).Sum(r => r.Share);
        var isRole = new bool[weights.Length];
        foreach (var (index, share) in roles)
        {
            if (index is { } i)
            {
                weights[i] += share + (missingShare / present);
                isRole[i] = true;
            }
        }

        var rest = isRole.Count(r => !r);
        for (var i = 0; i < weights.Length; i++)
        {
            if (rest > 0 && !isRole[i])
            {
                weights[i] = restShare / rest;
            }
            else if (rest == 0)
            {
                weights[i] /= 1 - restShare;
            }
        }
    }
}
