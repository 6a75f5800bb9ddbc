using Northstar.Core.Facts;

namespace Northstar.Server.Tracking;

/// <summary>The facts one group commit writes into one workspace.</summary>
internal sealed class MappedFacts
{
    public List<EventFact> Events { get; } = [];
    public List<Contact> Contacts { get; } = [];
    public List<Account> Accounts { get; } = [];

    public void Clear()
    {
        Events.Clear();
        Contacts.Clear();
        Accounts.Clear();
    }
}
