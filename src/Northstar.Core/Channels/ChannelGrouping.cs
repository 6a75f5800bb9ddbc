namespace Northstar.Core.Channels;

/// <summary>PLACEHOLDER: the channel-grouping helper replaces this file.</summary>
public sealed class ChannelGrouping
{
    public static ChannelGrouping Default { get; } = new([]);

    public ChannelGrouping(IReadOnlyList<ChannelRule> rules) => Rules = rules;

    public IReadOnlyList<ChannelRule> Rules { get; }

    public string Classify(string? source, string? medium, string? campaign, string? referrer = null) => "unassigned";
}
