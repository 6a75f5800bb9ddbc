namespace Northstar.Core.Import;

/// <summary>
/// What a CSV file holds: one canonical layout per <see cref="Facts.FactKind"/> (IMPORT.md), or a
/// preset for a well-known export. Parse the CLI word with <see cref="ImportFormats.TryParse"/>.
/// </summary>
public enum ImportFormat
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

    /// <summary>A HubSpot contacts export: contacts plus their lifecycle stage changes.</summary>
    HubspotContacts,

    /// <summary>An ad platform's campaign cost report (Google Ads or LinkedIn Campaign Manager): media spend.</summary>
    AdCosts,
}
