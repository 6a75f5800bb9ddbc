namespace Northstar.Core.Metrics.Formulas;

/// <summary>"Did you mean" candidates by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="written"/> (case-insensitive edit distance), when it is
    /// close enough to be a typo: 1 edit for names up to 4 characters, 2 up to 8, 3 beyond. Ties go to
    /// the candidate listed first.
    /// </summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        var allowed = written.Length <= 4 ? 1 : written.Length <= 8 ? 2 : 3;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" did you mean ...?" suffix for a message, or empty.</summary>
    public static string DidYouMean(string written, IEnumerable<string> candidates) =>
        Closest(written, candidates) is { } suggestion ? $"; did you mean \"{suggestion}\"?" : "";

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
