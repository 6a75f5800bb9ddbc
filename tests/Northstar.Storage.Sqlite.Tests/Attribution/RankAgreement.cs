using System.Globalization;

namespace Northstar.Storage.Sqlite.Tests.Attribution;

/// <summary>
/// Whether credits order channels as their true effects do, judged only on the pairs the data
/// can tell apart.
/// </summary>
/// <remarks>
/// The noise bound. A channel's first-touch visitors per day are Poisson and each converts on
/// its own, so the conversions a channel really causes in a run are Poisson with its expected
/// effect T as mean (a thinned Poisson). Even a model that knew every journey's true cause
/// would order channels a and b (T_a &gt; T_b) wrongly with probability
/// Phi(-(T_a - T_b) / sqrt(T_a + T_b)). Pairs are judged only when that gap is at least
/// <see cref="Sigmas"/> = 4 standard deviations: below 3.2e-5 per pair, below 0.2% for all 66
/// pairs of twelve channels together, so an inversion is the model's doing, not the sample's.
/// </remarks>
internal static class RankAgreement
{
    public const double Sigmas = 4;

    /// <summary>The pairs (higher, lower) whose true effects differ by at least <see cref="Sigmas"/> standard deviations.</summary>
    public static IReadOnlyList<(string Higher, string Lower)> SeparatedPairs(IReadOnlyDictionary<string, double> truth) =>
        [.. from a in truth
            from b in truth
            where a.Value - b.Value >= Sigmas * Math.Sqrt(a.Value + b.Value)
            orderby a.Key, b.Key
            select (a.Key, b.Key)];

    /// <summary>The separated pairs the credits order the other way (or tie), written "higher &lt; lower (true x vs y, credited u vs v)".</summary>
    public static IReadOnlyList<string> Inversions(IReadOnlyDictionary<string, double> truth, IReadOnlyDictionary<string, double> credits) =>
        [.. from pair in SeparatedPairs(truth)
            let higher = credits.GetValueOrDefault(pair.Higher)
            let lower = credits.GetValueOrDefault(pair.Lower)
            where higher <= lower
            select string.Create(CultureInfo.InvariantCulture,
                $"{pair.Higher} < {pair.Lower} (true {truth[pair.Higher]:F1} vs {truth[pair.Lower]:F1}, credited {higher:F1} vs {lower:F1})")];
}
