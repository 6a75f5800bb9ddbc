using Northstar.Core.Facts;
using Northstar.Core.Storage;

namespace Northstar.Core.Simulation;

/// <summary>
/// The simulator's way out: hands facts to the sink, drops what would happen after the simulated
/// period, counts per kind and hands out sequential ids.
/// </summary>
internal sealed class FactWriter(IFactSink sink, DateTimeOffset end)
{
    private readonly long[] _counts = new long[Enum.GetValues<FactKind>().Length];
    private long _events;
    private long _sessions;
    private long _anonymous;
    private long _contacts;
    private long _accounts;
    private long _deals;
    private long _subscriptions;
    private long _responses;
    private long _activities;

    public DateTimeOffset End { get; } = end;

    public long Events => _counts[(int)FactKind.Events];

    public long Facts => _counts.Sum();

    public IReadOnlyDictionary<FactKind, long> Counts() =>
        Enum.GetValues<FactKind>().ToDictionary(k => k, k => _counts[(int)k]);

    public bool InPeriod(DateTimeOffset at) => at < End;

    public string NextSession() => Make("s", ++_sessions);

    public string NextAnonymous() => Make("a", ++_anonymous);

    public string NextContact() => Make("c", ++_contacts);

    public string NextAccount() => Make("acc", ++_accounts);

    public string NextDeal() => Make("d", ++_deals);

    public string NextSubscription() => Make("sub", ++_subscriptions);

    public string NextResponse() => Make("r", ++_responses);

    public string NextActivity() => Make("act", ++_activities);

    public string NextEvent() => Make("e", ++_events);

    /// <summary>Writes a fact whose time is known to lie in the period.</summary>
    public void Add<TFact>(TFact fact, FactKind kind)
        where TFact : class, IFact
    {
        sink.Add(fact);
        _counts[(int)kind]++;
    }

    /// <summary>Writes the event when it happens inside the period.</summary>
    public void Add(EventFact fact)
    {
        if (fact.Timestamp < End)
        {
            Add(fact, FactKind.Events);
        }
    }

    private static string Make(string prefix, long number)
    {
        var digits = 1;
        for (var rest = number; rest >= 10; rest /= 10)
        {
            digits++;
        }

        return string.Create(prefix.Length + digits, (prefix, number), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            var n = state.number;
            for (var i = span.Length - 1; i >= state.prefix.Length; i--)
            {
                span[i] = (char)('0' + (n % 10));
                n /= 10;
            }
        });
    }
}
