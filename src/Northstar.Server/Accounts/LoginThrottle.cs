using System.Collections.Concurrent;

namespace Northstar.Server.Accounts;

/// <summary>
/// Counts failed log-ins per user name and per client address in fixed one-minute windows:
/// after <see cref="MaxFailures"/> failures in a window, further attempts for that name or from
/// that address are refused until the window ends (password guessing, credential stuffing).
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    /// <summary>Failed attempts allowed per name, and per address, in one window.</summary>
    public const int MaxFailures = 10;

    /// <summary>The window length.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Names an attacker makes up would otherwise grow the table without bound.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Counter> _failures = new(StringComparer.Ordinal);

    /// <summary>How long until this name and address may try again; zero when they may now.</summary>
    public TimeSpan RetryAfter(string name, string? address)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var key in Keys(name, address))
        {
            if (_failures.TryGetValue(key, out var counter) && counter.Count >= MaxFailures && counter.Start + Window > now)
            {
                var left = counter.Start + Window - now;
                wait = left > wait ? left : wait;
            }
        }

        return wait;
    }

    /// <summary>Counts one failed attempt for the name and the address.</summary>
    public void Failed(string name, string? address)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > PruneAbove)
        {
            foreach (var (key, counter) in _failures)
            {
                if (counter.Start + Window <= now)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }

        foreach (var key in Keys(name, address))
        {
            _failures.AddOrUpdate(
                key,
                _ => new Counter(now, 1),
                (_, c) => c.Start + Window <= now ? new Counter(now, 1) : c with { Count = c.Count + 1 });
        }
    }

    /// <summary>Forgets the name's failures after a successful log-in (the address keeps its count).</summary>
    public void Succeeded(string name) => _failures.TryRemove(NameKey(name), out _);

    private static IEnumerable<string> Keys(string name, string? address)
    {
        yield return NameKey(name);
        if (!string.IsNullOrEmpty(address))
        {
            yield return "ip:" + address;
        }
    }

    private static string NameKey(string name) => "name:" + name.Trim().ToUpperInvariant();

    private sealed record Counter(DateTimeOffset Start, int Count);
}
