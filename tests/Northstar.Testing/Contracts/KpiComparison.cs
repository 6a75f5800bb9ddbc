using Northstar.Core.Metrics;

namespace Northstar.Testing.Contracts;

/// <summary>
/// One KPI query run on two engines and compared cell by cell: the same columns, the same
/// groups, the same value in every cell (to a relative 1e-9, for sums a database adds in
/// another order). Each difference is a line naming the KPI, the query, the group, the bucket
/// and both values.
/// </summary>
public static class KpiComparison
{
    /// <summary>The differences of <paramref name="query"/> on the backend from the reference; empty when they agree.</summary>
    public static IReadOnlyList<string> Compare(MetricsEngine backend, MetricsEngine reference, MetricQuery query, string how)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(query);
        var name = $"{query.Kpi} ({how})";
        var (expected, expectedError) = Run(reference, query);
        var (actual, actualError) = Run(backend, query);
        if (expected is null || actual is null)
        {
            return expectedError == actualError ? [] : [$"{name}: backend {actualError ?? "answers"}, reference {expectedError ?? "answers"}"];
        }

        var differences = new List<string>();
        var expectedColumns = expected.Columns.Select(c => $"{c.Label}{(c.Incomplete ? " (incomplete)" : "")}").ToList();
        var actualColumns = actual.Columns.Select(c => $"{c.Label}{(c.Incomplete ? " (incomplete)" : "")}").ToList();
        if (!expectedColumns.SequenceEqual(actualColumns))
        {
            return [$"{name}: columns [{string.Join(", ", actualColumns)}] on the backend, [{string.Join(", ", expectedColumns)}] on the reference"];
        }

        var expectedRows = expected.Rows.ToDictionary(r => r.Group);
        var actualRows = actual.Rows.ToDictionary(r => r.Group);
        foreach (var group in expectedRows.Keys.Union(actualRows.Keys).Order(StringComparer.Ordinal))
        {
            if (!expectedRows.TryGetValue(group, out var want) || !actualRows.TryGetValue(group, out var got))
            {
                differences.Add($"{name}: group '{group}' only on the {(expectedRows.ContainsKey(group) ? "reference" : "backend")}");
                continue;
            }

            for (var i = 0; i < want.Values.Count; i++)
            {
                AddIfDifferent(differences, $"{name}, group '{group}', bucket {expected.Columns[i].Label}", got.Values[i], want.Values[i]);
            }

            AddIfDifferent(differences, $"{name}, group '{group}', total", got.Total, want.Total);
        }

        if (expected.Overall is not null || actual.Overall is not null)
        {
            AddIfDifferent(differences, $"{name}, overall", actual.Overall?.Total, expected.Overall?.Total);
        }

        return differences;
    }

    /// <summary>Whether two cells agree: both empty, or both numbers within a relative 1e-9 (NaN equals NaN).</summary>
    public static bool Same(double? actual, double? expected) =>
        (actual, expected) switch
        {
            (null, null) => true,
            ({ } a, { } e) when double.IsNaN(a) || double.IsNaN(e) => double.IsNaN(a) && double.IsNaN(e),
            ({ } a, { } e) => a == e || Math.Abs(a - e) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(e))),
            _ => false,
        };

    private static void AddIfDifferent(List<string> differences, string where, double? actual, double? expected)
    {
        if (!Same(actual, expected))
        {
            differences.Add($"{where}: backend {Show(actual)}, reference {Show(expected)}");
        }
    }

    private static string Show(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "empty";

    private static (KpiResult? Result, string? Error) Run(MetricsEngine engine, MetricQuery query)
    {
        try
        {
            return (engine.Run(query), null);
        }
        catch (Exception e) when (e is MetricQueryException or InvalidOperationException or ArgumentException)
        {
            return (null, $"throws {e.GetType().Name}: {e.Message}");
        }
    }
}
