using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Northstar.Core.Channels;

/// <summary>
/// Names the channel of a visit or contact from its source, medium, campaign and referrer:
/// the workspace's own <see cref="ChannelRule"/>s first, in order, then GA4's default
/// channel group (<see cref="ChannelCatalog"/>). Results are cached per instance, so reuse
/// one instance for a whole import. Thread-safe.
/// </summary>
public sealed class ChannelGrouping
{
    /// <summary>How many distinct (source, medium, campaign, referrer host) tuples an instance remembers by default.</summary>
    public const int DefaultCacheCapacity = 65_536;

    private readonly CompiledChannelRule[] _compiled;

    /// <summary>For each of <see cref="_compiled"/>, its position in <see cref="Rules"/> (invalid rules are left out).</summary>
    private readonly int[] _ruleIndex;
    private readonly ConcurrentDictionary<CacheKey, string> _cache = new();
    private readonly int _cacheCapacity;
    private int _cacheCount;

    /// <summary>The default grouping, without workspace rules.</summary>
    public static ChannelGrouping Default { get; } = new([]);

    /// <summary>A grouping that tries <paramref name="rules"/> before the defaults.</summary>
    public ChannelGrouping(IReadOnlyList<ChannelRule> rules)
        : this(rules, DefaultCacheCapacity)
    {
    }

    /// <summary>
    /// A grouping that tries <paramref name="rules"/> before the defaults. Invalid rules do not
    /// throw: they are left out and listed in <see cref="RuleErrors"/> (check rules up front
    /// with <see cref="ChannelRules.Validate(IReadOnlyList{ChannelRule})"/>).
    /// </summary>
    /// <param name="rules">The workspace's rules, in the order they are tried.</param>
    /// <param name="cacheCapacity">Distinct tuples remembered before the cache starts over; 0 turns caching off.</param>
    public ChannelGrouping(IReadOnlyList<ChannelRule> rules, int cacheCapacity)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(cacheCapacity);
        Rules = [.. rules];
        var compiled = new List<CompiledChannelRule>(rules.Count);
        var ruleIndex = new List<int>(rules.Count);
        var errors = new List<ChannelRuleError>();
        for (var i = 0; i < rules.Count; i++)
        {
            var ruleErrors = ChannelRules.Validate(rules[i], i);
            if (ruleErrors.Count == 0)
            {
                compiled.Add(CompiledChannelRule.Compile(rules[i]));
                ruleIndex.Add(i);
            }

            errors.AddRange(ruleErrors);
        }

        _compiled = [.. compiled];
        _ruleIndex = [.. ruleIndex];
        RuleErrors = errors;
        _cacheCapacity = cacheCapacity;
    }

    /// <summary>The workspace rules this grouping was given, in order.</summary>
    public IReadOnlyList<ChannelRule> Rules { get; }

    /// <summary>Why some of <see cref="Rules"/> are not applied (empty when all are valid).</summary>
    public IReadOnlyList<ChannelRuleError> RuleErrors { get; }

    /// <summary>How many tuples the cache holds now (approximate under concurrent use).</summary>
    internal int CacheCount => _cache.Count;

    /// <summary>
    /// The channel id of a row, e.g. <c>paid_search</c>, or a workspace rule's channel.
    /// When source and medium are both empty (or <c>(not set)</c>/<c>(none)</c>), the referrer
    /// decides: its host stands in as the source with medium <c>referral</c> (so a search
    /// engine gives organic_search, a social site organic_social, any other site referral);
    /// with no referrer the row is <c>(direct)</c>/<c>(none)</c>, i.e. direct. Workspace rules
    /// see those derived values. Matching ignores case.
    /// </summary>
    public string Classify(string? source, string? medium, string? campaign, string? referrer = null)
    {
        var referrerHost = IsBlank(source) && IsBlank(medium) ? HostName.Extract(referrer) : null;
        var key = new CacheKey(source, medium, campaign, referrerHost);
        if (_cache.TryGetValue(key, out var channel))
        {
            return channel;
        }

        channel = Decide(source, medium, campaign, referrerHost).Channel;
        Remember(key, channel);
        return channel;
    }

    /// <summary>
    /// What <see cref="Classify"/> answers, and which workspace rule gave it: its position in
    /// <see cref="Rules"/> (the first valid rule that matches), or null when the default grouping
    /// decided. Not cached: for showing a user why a row gets its channel.
    /// </summary>
    public (string Channel, int? RuleIndex) Explain(string? source, string? medium, string? campaign, string? referrer = null) =>
        Decide(source, medium, campaign, IsBlank(source) && IsBlank(medium) ? HostName.Extract(referrer) : null);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (string Channel, int? RuleIndex) Decide(string? source, string? medium, string? campaign, string? referrerHost)
    {
        string s, m;
        if (IsBlank(source) && IsBlank(medium))
        {
            (s, m) = referrerHost is null ? ("(direct)", "(none)") : (referrerHost, "referral");
        }
        else
        {
            (s, m) = (Normalize(source), Normalize(medium));
        }

        var c = Normalize(campaign);
        for (var i = 0; i < _compiled.Length; i++)
        {
            if (_compiled[i].Matches(s, m, c))
            {
                return (_compiled[i].Channel, _ruleIndex[i]);
            }
        }

        return (DefaultChannelRules.Classify(s, m, c), null);
    }

    /// <summary>
    /// Adds to the cache; past capacity the cache starts over rather than tracking recency,
    /// which keeps the hit path lock-free. Tuples are few in practice (campaigns × sources).
    /// </summary>
    private void Remember(CacheKey key, string channel)
    {
        if (_cacheCapacity == 0 || !_cache.TryAdd(key, channel))
        {
            return;
        }

        if (Interlocked.Increment(ref _cacheCount) > _cacheCapacity)
        {
            _cache.Clear();
            Interlocked.Exchange(ref _cacheCount, 0);
        }
    }

    private static bool IsBlank(string? value)
    {
        var span = value.AsSpan().Trim();
        return span.IsEmpty
            || span.Equals("(not set)", StringComparison.OrdinalIgnoreCase)
            || span.Equals("(none)", StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string? value) => value is null ? "" : value.Trim().ToLowerInvariant();

    private readonly record struct CacheKey(string? Source, string? Medium, string? Campaign, string? ReferrerHost);
}
