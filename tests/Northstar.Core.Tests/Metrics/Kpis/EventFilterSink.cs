using Northstar.Core.Facts;
using Northstar.Core.Storage;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>Passes every fact on to another sink, except the events <paramref name="keepEvent"/> drops (to keep a run small).</summary>
internal sealed class EventFilterSink(IFactSink inner, Func<EventFact, bool> keepEvent) : IFactSink
{
    public void Add<TFact>(TFact fact)
        where TFact : class, IFact
    {
        if (fact is not EventFact e || keepEvent(e))
        {
            inner.Add(fact);
        }
    }

    public void Complete() => inner.Complete();

    public void Dispose() => inner.Dispose();
}
