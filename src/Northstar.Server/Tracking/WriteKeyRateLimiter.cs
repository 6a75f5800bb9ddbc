using System.Collections.Concurrent;

namespace Northstar.Server.Tracking;

/// <summary>
/// A token bucket per write key: <see cref="TrackingOptions.RequestsPerSecondPerKey"/> requests
/// a second, one second's worth of burst. Times come from the server's clock.
/// </summary>
internal sealed class WriteKeyRateLimiter(TrackingOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, Bucket> _buckets = new();

    /// <summary>Takes one request's token; when there is none, the seconds until there is (for Retry-After).</summary>
    public bool TryAcquire(long writeKeyId, out int retryAfterSeconds)
    {
        var rate = options.RequestsPerSecondPerKey;
        var bucket = _buckets.GetOrAdd(writeKeyId, _ => new Bucket(rate, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(bucket.At, now).TotalSeconds;
            bucket.Tokens = Math.Min(rate, bucket.Tokens + (elapsed * rate));
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                retryAfterSeconds = 0;
                return true;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((1 - bucket.Tokens) / rate));
            return false;
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;
        public long At { get; set; } = at;
    }
}
