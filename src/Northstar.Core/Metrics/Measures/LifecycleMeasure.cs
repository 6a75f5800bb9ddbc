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
            var days = new List<int>();
            var found = new List<ContactLifecycle>();
            foreach (var contact in context.Lifecycles)
            {
                if (when(contact) is { } at && (where is null || where(contact)))
                {
                    days.Add(context.Day(at).DayNumber);
                    found.Add(contact);
                }
            }

            return found.Count == 0 ? new Moments([], []) : ByDay(days, found);
        }

        /// <summary>
        /// A counting sort by day (the days span a few years, the contacts can be hundreds of
        /// thousands): stable, so contacts of one day keep lifecycle order, the order a full scan adds them in.
        /// </summary>
        private static Moments ByDay(List<int> days, List<ContactLifecycle> found)
        {
            var (min, max) = (days.Min(), days.Max());
            if ((long)max - min > Math.Max(100_000L, 4L * days.Count))
            {
                return ByKey(days, found);
            }

            var starts = new int[max - min + 2];
            foreach (var day in days)
            {
                starts[day - min + 1]++;
            }

            for (var i = 1; i < starts.Length; i++)
            {
                starts[i] += starts[i - 1];
            }

            var (sortedDays, sortedContacts) = (new int[days.Count], new ContactLifecycle[days.Count]);
            for (var i = 0; i < days.Count; i++)
            {
                var at = starts[days[i] - min]++;
                (sortedDays[at], sortedContacts[at]) = (days[i], found[i]);
            }

            return new Moments(sortedDays, sortedContacts);
        }

        /// <summary>Days too far apart for counting (a stray year 1 or 9999): a sort by (day, position).</summary>
        private static Moments ByKey(List<int> days, List<ContactLifecycle> found)
        {
            var keys = new long[days.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ((long)days[i] << 32) | (uint)i;
            }

            var contacts = found.ToArray();
            Array.Sort(keys, contacts);
            return new Moments([.. keys.Select(k => (int)(k >> 32))], contacts);
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
