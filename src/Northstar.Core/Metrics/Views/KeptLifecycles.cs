namespace Northstar.Core.Metrics.Views;

/// <summary>
/// One workspace's lifecycles as a store read them at one data version, and their whole stage
/// rollup by moment (computed when first asked): what a store without a stage rollup table of its
/// own keeps per workspace, so that the counting KPIs read the lifecycles once per change instead
/// of once per query. Answers <see cref="IDerivedViews.ReadStageRollup"/> and
/// <see cref="IDerivedViews.ReadStageCounts"/> as they document.
/// </summary>
public sealed class KeptLifecycles
{
    private readonly Lazy<Dictionary<ContactMoment, StageRollupRow[]>> _byMoment;
    private readonly Lazy<StageTimes> _stageTimes;

    /// <summary>Keeps <paramref name="lifecycles"/>, read at data version <paramref name="version"/>, of a workspace in <paramref name="timeZone"/>.</summary>
    public KeptLifecycles(long version, IReadOnlyList<ContactLifecycle> lifecycles, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(lifecycles);
        Version = version;
        Lifecycles = lifecycles;
        _byMoment = new(() => StageRollup.From(lifecycles, timeZone, new DateRange(DateOnly.MinValue, DateOnly.MaxValue))
            .GroupBy(r => r.Moment)
            .ToDictionary(g => g.Key, g => g.ToArray()));
        _stageTimes = new(() => StageTimes.From(lifecycles));
    }

    /// <summary>The data version the lifecycles were read at.</summary>
    public long Version { get; }

    /// <summary>The lifecycles, as <see cref="IDerivedViews.ReadLifecycles"/> returns them.</summary>
    public IReadOnlyList<ContactLifecycle> Lifecycles { get; }

    /// <summary>The lifecycles' stage times in columns (<see cref="IDerivedViews.ReadStageTimes"/>), worked out when first asked.</summary>
    public StageTimes StageTimes => _stageTimes.Value;

    /// <summary>The rollup rows with a day in <paramref name="range"/> and one of the moments (all when null).</summary>
    public IReadOnlyList<StageRollupRow> ReadStageRollup(DateRange range, IReadOnlyCollection<ContactMoment>? moments)
    {
        var rows = new List<StageRollupRow>();
        foreach (var moment in moments ?? StageRollup.AllMoments)
        {
            if (_byMoment.Value.TryGetValue(moment, out var ofMoment))
            {
                rows.AddRange(ofMoment.Where(r => range.Contains(r.Day)));
            }
        }

        return rows;
    }

    /// <summary>The rollup of one moment in the range, summed per day and value of one dimension (per day when null).</summary>
    public IReadOnlyList<StageCountRow> ReadStageCounts(DateRange range, ContactMoment moment, string? dimension) =>
        StageRollup.Counts(ReadStageRollup(range, [moment]), dimension);
}
