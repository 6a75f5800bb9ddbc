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
        foreach (var contact in context.Lifecycles)
        {
            if (when(contact) is { } at && range.Contains(context.Day(at)) && (where is null || where(contact))
                && breakdown.Accepts(contact, ContactDimensions.Get))
            {
                groups.AddTo(breakdown.GroupOf(contact, ContactDimensions.Get), 1);
            }
        }
    }
}
