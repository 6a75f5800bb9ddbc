namespace Northstar.Core.Facts;

/// <summary>The kinds of fact Northstar stores; one canonical import layout each (IMPORT.md).</summary>
public enum FactKind
{
    Events,
    Contacts,
    Stages,
    Accounts,
    Deals,
    Spend,
    Subscriptions,
    Surveys,
    Series,
    Activities,
}
