using System.Runtime.CompilerServices;
namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The stage rollup worked out from lifecycles: the reference every store's
/// <see cref="IDerivedViews.ReadStageRollup"/> must equal, and what a store maintains it with.
/// </summary>
public static class StageRollup
{
    /// <summary>Every moment, in order.</summary>
    public static IReadOnlyList<ContactMoment> AllMoments { get; } = Enum.GetValues<ContactMoment>();

    /// <summary>The local days of the workspace's zone as the metrics read them (UTC when the zone is unknown here).</summary>
    public static LocalDays DaysOf(string timeZone) =>
        new(TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone != TimeZoneInfo.Utc ? timeZone : "UTC");

    /// <summary>When the contact reached the moment (null when it did not).</summary>
    public static DateTimeOffset? TimeOf(ContactLifecycle contact, ContactMoment moment)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return moment == ContactMoment.FirstKnown ? contact.FirstKnownAt : contact.Entered[(int)moment];
    }

    /// <summary>The (moment, day, values) keys one lifecycle adds one contact to.</summary>
    public static IEnumerable<(ContactMoment Moment, DateOnly Day, ContactDims Dims)> Contributions(ContactLifecycle contact, LocalDays days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var dims = ContactDims.Of(contact);
        foreach (var moment in AllMoments)
        {
            if (TimeOf(contact, moment) is { } at)
            {
                yield return (moment, days.DayOf(at), dims);
            }
        }
    }

    /// <summary>The rollup rows of the lifecycles with a day in the range, of the given moments (all when null), in no particular order.</summary>
    public static IReadOnlyList<StageRollupRow> From(
        IEnumerable<ContactLifecycle> lifecycles, string timeZone, DateRange range, IReadOnlyCollection<ContactMoment>? moments = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycles);
        var days = DaysOf(timeZone);
        var counts = new Dictionary<(ContactMoment Moment, DateOnly Day, ContactDims Dims), long>();
        foreach (var contact in lifecycles)
        {
            foreach (var key in Contributions(contact, days))
            {
                if (range.Contains(key.Day) && (moments is null || moments.Contains(key.Moment)))
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return [.. counts.Select(c => new StageRollupRow(c.Key.Day, c.Key.Moment, c.Key.Dims, c.Value))];
    }

    /// <summary>
    /// Adds <paramref name="sign"/> (1 to add the contacts, -1 to take them away) to the count of
    /// every (moment, day, values) key each lifecycle contributes to: how a store keeps its rollup,
    /// whole or by changes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tally(
        Dictionary<(ContactMoment Moment, DateOnly Day, ContactDims Dims), long> counts, IEnumerable<ContactLifecycle> lifecycles, LocalDays days, long sign)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(lifecycles);
        foreach (var contact in lifecycles)
        {
            foreach (var key in Contributions(contact, days))
            {
                counts[key] = counts.GetValueOrDefault(key) + sign;
            }
        }
    }

    /// <summary>A dimension's number in the per-dimension counts: 0 for the total, else its place in <see cref="ContactDims.Names"/> from 1; any other name throws <see cref="ArgumentException"/>.</summary>
    public static int DimensionNumber(string? dimension)
    {
        if (dimension is null)
        {
            return 0;
        }

        for (var i = 0; i < ContactDims.Names.Count; i++)
        {
            if (ContactDims.Names[i] == dimension)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"'{dimension}' is not a contact dimension.", nameof(dimension));
    }

    /// <summary>
    /// Counts per (moment, day, values) summed per (moment, dimension number, day, value): each
    /// key's count once in the total (dimension 0, value empty) and once under the value of each
    /// dimension of <see cref="ContactDims.Names"/> (a missing value is empty). What a store keeps
    /// so that a count grouped by one dimension, without filters, reads a few rows a day; keys
    /// that sum to zero are left out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Dictionary<(ContactMoment Moment, int Dimension, DateOnly Day, string Value), long> SumPerDimension(
        IEnumerable<KeyValuePair<(ContactMoment Moment, DateOnly Day, ContactDims Dims), long>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var sums = new Dictionary<(ContactMoment, int, DateOnly, string), long>();
        foreach (var ((moment, day, dims), count) in counts)
        {
            AddTo(sums, (moment, 0, day, string.Empty), count);
            for (var i = 0; i < ContactDims.Names.Count; i++)
            {
                AddTo(sums, (moment, i + 1, day, dims.Get(ContactDims.Names[i]) ?? string.Empty), count);
            }
        }

        foreach (var key in sums.Where(s => s.Value == 0).Select(s => s.Key).ToList())
        {
            sums.Remove(key);
        }

        return sums;
    }

    /// <summary>
    /// The rows summed per day and value of one dimension of <see cref="ContactDims.Names"/> (the
    /// total per day when <paramref name="dimension"/> is null; a missing value is empty).
    /// </summary>
    public static IReadOnlyList<StageCountRow> Counts(IEnumerable<StageRollupRow> rows, string? dimension)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (dimension is not null && !ContactDims.Names.Contains(dimension))
        {
            throw new ArgumentException($"'{dimension}' is not a contact dimension.", nameof(dimension));
        }

        var counts = new Dictionary<(DateOnly, string), long>();
        foreach (var row in rows)
        {
            var key = (row.Day, dimension is null ? string.Empty : row.Dims.Get(dimension) ?? string.Empty);
            counts[key] = counts.GetValueOrDefault(key) + row.Count;
        }

        return [.. counts.Where(c => c.Value != 0).Select(c => new StageCountRow(c.Key.Item1, c.Key.Item2, c.Value))];
    }

    private static void AddTo<TKey>(Dictionary<TKey, long> sums, TKey key, long count)
        where TKey : notnull => sums[key] = sums.GetValueOrDefault(key) + count;
}
