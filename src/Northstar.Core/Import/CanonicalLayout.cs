using Northstar.Core.Facts;

namespace Northstar.Core.Import;

/// <summary>
/// The canonical CSV columns of each fact kind, in the order Northstar writes them (IMPORT.md).
/// Readers match headers by <see cref="NormalizeHeader"/>, so order and spelling may vary in files.
/// </summary>
public static class CanonicalLayout
{
    private static readonly Dictionary<FactKind, string[]> ColumnsByKind = new()
    {
        [FactKind.Events] = ["id", "timestamp", "type", "anonymous_id", "contact_id", "session_id", "source", "medium", "campaign", "channel", "landing_page", "page", "referrer", "cta", "form", "field", "variant", "asset", "value"],
        [FactKind.Contacts] = ["contact_id", "created_at", "account_id", "segment", "icp_fit", "source", "medium", "campaign", "channel", "owner"],
        [FactKind.Stages] = ["contact_id", "stage", "entered_at"],
        [FactKind.Accounts] = ["account_id", "name", "segment", "industry", "created_at"],
        [FactKind.Deals] = ["deal_id", "contact_id", "account_id", "created_at", "closed_at", "status", "amount", "list_amount", "type", "source"],
        [FactKind.Spend] = ["date", "channel", "campaign", "kind", "amount", "impressions", "clicks"],
        [FactKind.Subscriptions] = ["subscription_id", "account_id", "started_at", "ended_at", "mrr", "renewal_due_at", "renewed"],
        [FactKind.Surveys] = ["response_id", "answered_at", "contact_id", "account_id", "score", "comment"],
        [FactKind.Series] = ["date", "metric", "dimension", "value"],
        [FactKind.Activities] = ["activity_id", "timestamp", "contact_id", "account_id", "kind", "asset", "owner"],
    };

    private static readonly Dictionary<FactKind, string[]> KeysByKind = new()
    {
        [FactKind.Events] = ["id"],
        [FactKind.Contacts] = ["contact_id"],
        [FactKind.Stages] = ["contact_id", "stage"],
        [FactKind.Accounts] = ["account_id"],
        [FactKind.Deals] = ["deal_id"],
        [FactKind.Spend] = ["date", "channel", "campaign", "kind"],
        [FactKind.Subscriptions] = ["subscription_id"],
        [FactKind.Surveys] = ["response_id"],
        [FactKind.Series] = ["date", "metric", "dimension"],
        [FactKind.Activities] = ["activity_id"],
    };

    /// <summary>The canonical columns of a kind, in writing order.</summary>
    public static IReadOnlyList<string> Columns(FactKind kind) => ColumnsByKind[kind];

    /// <summary>The natural-key columns of a kind (for events, <c>id</c> may be absent: a hash of the row stands in).</summary>
    public static IReadOnlyList<string> KeyColumns(FactKind kind) => KeysByKind[kind];

    /// <summary>The file name Northstar gives a kind's canonical CSV, e.g. <c>events.csv</c>.</summary>
    public static string FileName(FactKind kind) => kind.ToString().ToLowerInvariant() + ".csv";

    /// <summary>
    /// Header matching: case-insensitive, with spaces, dashes and underscores treated alike
    /// ("Contact ID", "contact-id" and "contact_id" all become <c>contact_id</c>).
    /// </summary>
    public static string NormalizeHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var chars = header.Trim().ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is ' ' or '-')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
