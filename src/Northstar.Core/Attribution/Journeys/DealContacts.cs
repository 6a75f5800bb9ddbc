using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// Whose deal it is: the deal's contact, else (a deal recorded on an account only) the account's
/// earliest-known contact (by <see cref="ContactLifecycle.FirstKnownAt"/>, unknown last, then contact id).
/// </summary>
internal sealed class DealContacts
{
    private readonly Dictionary<string, ContactLifecycle> _firstOfAccount = new(StringComparer.Ordinal);

    public DealContacts(IEnumerable<ContactLifecycle> lifecycles)
    {
        foreach (var lifecycle in lifecycles)
        {
            if (lifecycle.AccountId is not { } account)
            {
                continue;
            }

            if (!_firstOfAccount.TryGetValue(account, out var first) || Before(lifecycle, first))
            {
                _firstOfAccount[account] = lifecycle;
            }
        }
    }

    /// <summary>The contact a deal's journey belongs to; null when it has neither a contact nor an account with contacts.</summary>
    public string? Of(Deal deal) =>
        deal.ContactId ?? (deal.AccountId is { } account && _firstOfAccount.TryGetValue(account, out var first) ? first.ContactId : null);

    private static bool Before(ContactLifecycle a, ContactLifecycle b) => (a.FirstKnownAt, b.FirstKnownAt) switch
    {
        ({ } x, { } y) when x != y => x < y,
        (null, not null) => false,
        (not null, null) => true,
        _ => string.CompareOrdinal(a.ContactId, b.ContactId) < 0,
    };
}
