using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Storage;

namespace Northstar.Storage.Sqlite.Tests.Attribution;

/// <summary>
/// Passes every fact on to another sink except the events journeys never read: only the default
/// touch types and form submissions (the identity links) are kept, a quarter of a demo run's events,
/// so the store is written in seconds and the journeys are those of the full run.
/// </summary>
internal sealed class TouchEventSink(IFactSink inner) : IFactSink
{
    public void Add<TFact>(TFact fact)
        where TFact : class, IFact
    {
        if (fact is not EventFact e || e.Type == EventType.FormSubmit || JourneyOptions.DefaultTouchTypes.Contains(e.Type))
        {
            inner.Add(fact);
        }
    }

    public void Complete() => inner.Complete();

    public void Dispose() => inner.Dispose();
}
