using Northstar.Core.Facts;

namespace Northstar.Server.Tracking;

/// <summary>The facts one merge writes into one workspace.</summary>
internal sealed class MappedFacts
{
    public List<EventFact> Events { get; } = [];
    public List<Contact> Contacts { get; } = [];
    public List<Account> Accounts { get; } = [];
}
