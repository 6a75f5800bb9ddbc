namespace Northstar.Server.Tracking;

/// <summary>
/// The open session of each actor (anonymous id, else user id), in memory: decides when a page
/// begins a new session. A page starts one when it is the actor's first, when it comes more than
/// the timeout after the actor's previous page, or when it brings another traffic source (UTM
/// tags, or a referrer from another host) than the open session's. Kept by the merge thread
/// only; after a restart an actor's next page starts a session.
/// </summary>
internal sealed class SessionTracker(TimeSpan timeout)
{
    private const int MaxActors = 1_000_000;
    private readonly Dictionary<string, Open> _open = new(StringComparer.Ordinal);

    /// <summary>The session this page belongs to, and whether the page begins it.</summary>
    public (string SessionId, bool Starts) Visit(string actor, DateTimeOffset at, string? trafficSource, string pageEventId)
    {
        if (_open.TryGetValue(actor, out var open))
        {
            var late = at <= open.LastPage;
            var sameSource = trafficSource is null || trafficSource == open.Source;
            if (late || (at - open.LastPage <= timeout && sameSource))
            {
                if (!late)
                {
                    _open[actor] = open with { LastPage = at };
                }

                return (open.SessionId, false);
            }
        }
        else if (_open.Count >= MaxActors)
        {
            // Bounded memory: forgetting every actor costs at most one extra session start each.
            _open.Clear();
        }

        _open[actor] = new Open(pageEventId, at, trafficSource);
        return (pageEventId, true);
    }

    private sealed record Open(string SessionId, DateTimeOffset LastPage, string? Source);
}
