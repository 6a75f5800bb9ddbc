using Northstar.Core.Facts;
using Northstar.Core.Storage;

namespace Northstar.Core.Tests.Simulation;

/// <summary>Keeps the facts a simulation writes; events only when <paramref name="keepEvent"/> says so (they are many).</summary>
internal sealed class CollectingSink(Func<EventFact, bool> keepEvent) : IFactSink
{
    public List<EventFact> Events { get; } = [];
    public List<Contact> Contacts { get; } = [];
    public List<StageChange> Stages { get; } = [];
    public List<Deal> Deals { get; } = [];
    public List<Subscription> Subscriptions { get; } = [];
    public List<Activity> Activities { get; } = [];
    public List<Spend> Spend { get; } = [];
    public bool Completed { get; private set; }

    public void Add<TFact>(TFact fact)
        where TFact : class, IFact
    {
        switch (fact)
        {
            case EventFact e when keepEvent(e): Events.Add(e); break;
            case Contact c: Contacts.Add(c); break;
            case StageChange s: Stages.Add(s); break;
            case Deal d: Deals.Add(d); break;
            case Subscription s: Subscriptions.Add(s); break;
            case Activity a: Activities.Add(a); break;
            case Spend s: Spend.Add(s); break;
            default: break;
        }
    }

    public void Complete() => Completed = true;

    public void Dispose()
    {
    }
}
