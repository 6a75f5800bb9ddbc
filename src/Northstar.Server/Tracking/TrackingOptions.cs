namespace Northstar.Server.Tracking;

/// <summary>Limits of the tracking API (<c>/v1/*</c>); the defaults are Segment's documented limits.</summary>
public sealed record TrackingOptions
{
    /// <summary>Largest event, as JSON, in bytes (Segment: 32 KB). A larger event in a batch is rejected alone.</summary>
    public int MaxEventBytes { get; init; } = 32 * 1024;

    /// <summary>Largest request body, after gzip inflation, in bytes (Segment: 500 KB); larger gets 413.</summary>
    public int MaxRequestBytes { get; init; } = 500 * 1024;

    /// <summary>Most events in one batch (Segment: 2,500); more gets 400.</summary>
    public int MaxBatchEvents { get; init; } = 2500;

    /// <summary>
    /// Requests per second one write key may send (a token bucket holding one second's worth);
    /// beyond it 429 with Retry-After. Default 5,000: ten times what 50,000 events/s in batches of 100 needs.
    /// </summary>
    public double RequestsPerSecondPerKey { get; init; } = 5000;

    /// <summary>
    /// Accepted requests the journal may hold beyond the store before new ones get 503 with
    /// Retry-After (the merge is behind; clients retry). Default 10,000 (about a million events in batches of 100).
    /// </summary>
    public int MaxJournalBacklog { get; init; } = 10_000;

    /// <summary>A page more than this long after the actor's previous page starts a new session (GA's 30 minutes).</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A timestamp more than this far after the receive time is flagged <c>clock=future</c>.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromDays(1);
}
