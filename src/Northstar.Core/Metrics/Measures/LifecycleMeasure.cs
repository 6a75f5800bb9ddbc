using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Measures;

/// <summary>Contacts whose lifecycle has a moment (entering a stage, being first known) in the range.</summary>
internal sealed class LifecycleMeasure(
    string name,
    Func<ContactLifecycle, DateTimeOffset?> when,
    string definition,
    Func<ContactLifecycle, bool>? where = null)
    : Measure(name, KpiUnit.Count, ContactDimensions.Names, definition)
{
    public override void Accumulate(MetricContext context, DateRange range, Breakdown breakdown, Groups groups)
    {
        // The contacts with the moment, by local day, worked out once per context: each range
        // (a year by month asks for 26) then visits only its own contacts, not every lifecycle.
        var moments = context.Derived(this, () => Moments.Of(context, when, where));
        var (from, to) = moments.Between(range);
        for (var i = from; i < to; i++)
        {
            var contact = moments.Contacts[i];
            if (breakdown.Accepts(contact, ContactDimensions.Get))
            {
                groups.AddTo(breakdown.GroupOf(contact, ContactDimensions.Get), 1);
            }
        }
    }

    /// <summary>The contacts that have the moment (and pass the measure's own condition), ordered by its local day.</summary>
    private sealed class Moments(int[] days, ContactLifecycle[] contacts)
    {
        public ContactLifecycle[] Contacts { get; } = contacts;

        public static Moments Of(MetricContext context, Func<ContactLifecycle, DateTimeOffset?> when, Func<ContactLifecycle, bool>? where)
        {
            var found = new List<(int Day, int Index, ContactLifecycle Contact)>();
            foreach (var contact in context.Lifecycles)
            {
                if (when(contact) is { } at && (where is null || where(contact)))
                {
                    found.Add((context.Day(at).DayNumber, found.Count, contact));
                }
            }

            // By day, then in lifecycle order: the same contacts in the same order as a full scan would add them.
            found.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Index.CompareTo(b.Index));
            return new Moments([.. found.Select(f => f.Day)], [.. found.Select(f => f.Contact)]);
        }

        /// <summary>The index range of the contacts whose day is in <paramref name="range"/>.</summary>
        public (int From, int To) Between(DateRange range) => (First(range.Start.DayNumber), First(range.End.DayNumber));

        private int First(int day)
        {
            var (lo, hi) = (0, days.Length);
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                (lo, hi) = days[mid] < day ? (mid + 1, hi) : (lo, mid);
            }

            return lo;
        }
    }
}
