using System.Runtime.CompilerServices;
using Northstar.Core.Metrics.Measures;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Metrics.Kpis;

/// <summary>
/// The group of every contact of the stage times under one breakdown, as a number (-1 when a
/// filter turns it away), with the groups' names: what cohort rates and velocities count by,
/// so that a bucket adds into arrays instead of looking a group's name up per contact. Worked
/// out once per context and breakdown. Grouped by a dimension without filters, a contact's group
/// comes from its value's number, without building its values.
/// </summary>
internal sealed class ContactGroups
{
    private readonly int[] _groups;

    private ContactGroups(int[] groups, IReadOnlyList<string> names)
    {
        _groups = groups;
        Names = names;
    }

    /// <summary>The groups' names (as <see cref="Breakdown.GroupOf"/> gives them), by number.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The contact's group, -1 when the breakdown's filters turn it away.</summary>
    public int this[int contact] => _groups[contact];

    /// <summary>
    /// The share of the members that hit, per group that has members (in the order the groups
    /// first appear): what a cohort rate or SLA compliance reports for a bucket.
    /// </summary>
    public static Dictionary<string, double?> Shares<T>(ReadOnlySpan<T> members, IReadOnlyList<string> names)
        where T : struct, IGroupMember
    {
        var all = new int[names.Count];
        var hits = new int[names.Count];
        var order = new List<int>();
        foreach (var member in members)
        {
            if (all[member.Group]++ == 0)
            {
                order.Add(member.Group);
            }

            hits[member.Group] += member.Hit ? 1 : 0;
        }

        return order.ToDictionary(g => names[g], g => (double?)((double)hits[g] / all[g]), StringComparer.Ordinal);
    }

    public static ContactGroups Of(MetricContext context, Breakdown breakdown) =>
        context.Derived((typeof(ContactGroups), breakdown), () => Of(context.StageTimes, breakdown));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ContactGroups Of(StageTimes times, Breakdown breakdown)
    {
        var groups = new int[times.Count];
        var names = new StringNumbers();
        var dimension = breakdown.By is null ? -1 : IndexOf(breakdown.By);
        // The group of each value number (and of none, last), found on first use.
        var byValue = new int[times.Values.Count + 1];
        Array.Fill(byValue, -1);
        for (var i = 0; i < groups.Length; i++)
        {
            if (breakdown.Filters.Count > 0 && !breakdown.Accepts(times.Dims(i), ContactDimensions.Get))
            {
                groups[i] = -1;
            }
            else if (dimension < 0)
            {
                groups[i] = names.Of(breakdown.By is null ? Breakdown.Total : Dimensions.None);
            }
            else
            {
                var value = times.ValueNumber(dimension, i);
                var slot = value < 0 ? byValue.Length - 1 : value;
                if (byValue[slot] < 0)
                {
                    byValue[slot] = names.Of(breakdown.GroupOf(value < 0 ? null : times.Values[value], static (v, _) => v));
                }

                groups[i] = byValue[slot];
            }
        }

        return new ContactGroups(groups, names.All);
    }

    /// <summary>The dimension's place in <see cref="ContactDims.Names"/>; -1 for a dimension contacts do not have (every contact in the group of none).</summary>
    private static int IndexOf(string dimension)
    {
        for (var i = 0; i < ContactDims.Names.Count; i++)
        {
            if (ContactDims.Names[i] == dimension)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A contact counted in a group, and whether it hit (converted, was worked in time).</summary>
internal interface IGroupMember
{
    int Group { get; }

    bool Hit { get; }
}
