namespace Northstar.Core.Attribution.Reports;

/// <summary>Runs several models on one input and lines their credits up per channel or campaign.</summary>
public static class ModelComparisonReport
{
    /// <summary>
    /// The models side by side; throws <see cref="ArgumentException"/> naming the first model
    /// that cannot run on the input (see <see cref="CreditReport.Problem"/>).
    /// </summary>
    public static ModelComparison Compare(AttributionInput input, IReadOnlyList<AttributionModel> models, AttributionDimension by = AttributionDimension.Channel)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("compare at least one model", nameof(models));
        }

        if (models.Select(m => CreditReport.Problem(input, m, by)).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new ArgumentException(problem, nameof(models));
        }

        // One engine for all: the heuristic models and Shapley come from one pass, the campaign paths are built once.
        var engine = CreditEngine.For(input, models, by);
        var tables = models.Select(engine.Compute).ToList();
        var names = tables.Select(t => t.Model).ToList();
        var keys = tables.SelectMany(t => t.Rows.Select(r => r.Key)).Distinct(StringComparer.Ordinal);
        var rows = keys
            .Select(key => Row(key, tables))
            .OrderByDescending(r => r.Shares.Average()).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new ModelComparison(names, by, rows, input.Conversions, input.Value, input.UntouchedConversions, tables);
    }

    private static ComparisonRow Row(string key, List<CreditTable> tables)
    {
        var conversions = new double[tables.Count];
        var shares = new double[tables.Count];
        var (low, high) = (0, 0);
        for (var m = 0; m < tables.Count; m++)
        {
            var row = tables[m].Find(key);
            conversions[m] = row?.Conversions ?? 0;
            shares[m] = row?.ConversionShare ?? 0;
            low = shares[m] < shares[low] ? m : low;
            high = shares[m] > shares[high] ? m : high;
        }

        return new ComparisonRow(key, conversions, shares, shares[high] - shares[low], tables[low].Model, tables[high].Model);
    }
}
