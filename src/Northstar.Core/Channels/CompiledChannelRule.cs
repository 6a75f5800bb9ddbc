using System.Text.RegularExpressions;

namespace Northstar.Core.Channels;

/// <summary>A valid <see cref="ChannelRule"/> with its patterns turned into regexes once.</summary>
internal sealed class CompiledChannelRule
{
    /// <summary>Bounds each match, so a pathological pattern cannot stall an import.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly Regex? _source;
    private readonly Regex? _medium;
    private readonly Regex? _campaign;

    private CompiledChannelRule(string channel, Regex? source, Regex? medium, Regex? campaign)
    {
        Channel = channel;
        _source = source;
        _medium = medium;
        _campaign = campaign;
    }

    public string Channel { get; }

    /// <summary>Compiles a rule that <see cref="ChannelRules.Validate(ChannelRule, int)"/> found valid.</summary>
    public static CompiledChannelRule Compile(ChannelRule rule) =>
        new(ChannelRules.CanonicalChannel(rule.Channel), Build(rule.Source), Build(rule.Medium), Build(rule.Campaign));

    /// <summary>
    /// True when every pattern that is set matches somewhere in its value (not anchored: write
    /// <c>^...$</c> for a whole-value match). A match that times out counts as no match.
    /// </summary>
    public bool Matches(string source, string medium, string campaign)
    {
        try
        {
            return (_source is null || _source.IsMatch(source))
                && (_medium is null || _medium.IsMatch(medium))
                && (_campaign is null || _campaign.IsMatch(campaign));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex? Build(string? pattern) => pattern is null ? null : new Regex(pattern, Options, MatchTimeout);
}
