using Northstar.Core.Metrics;

namespace Northstar.Core.Goals;

/// <summary>Close matches for a KPI id that is not known: ids containing it (or contained in it), then ids a few edits away.</summary>
internal static class KpiSuggestions
{
    public static string UnknownKpi(string id, MetricsEngine engine, string what = "KPI")
    {
        var close = Close(id, engine.Kpis.Select(k => k.Id));
        return close.Count == 0
            ? $"unknown {what} '{id}' (northstar kpi list shows them all)"
            : $"unknown {what} '{id}'; did you mean {string.Join(", ", close)}?";
    }

    public static IReadOnlyList<string> Close(string id, IEnumerable<string> known)
    {
        var lower = id.ToLowerInvariant();
        return [.. known
            .Select(k => (Id: k, Distance: k.Contains(lower, StringComparison.Ordinal) || lower.Contains(k, StringComparison.Ordinal) ? 0 : Edits(lower, k)))
            .Where(k => k.Distance <= Math.Max(2, lower.Length / 4))
            .OrderBy(k => k.Distance).ThenBy(k => k.Id, StringComparer.Ordinal)
            .Take(5)
            .Select(k => k.Id)];
    }

    /// <summary>Levenshtein distance, two rows.</summary>
    private static int Edits(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
