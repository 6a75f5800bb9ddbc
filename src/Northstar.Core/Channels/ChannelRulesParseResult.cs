namespace Northstar.Core.Channels;

/// <summary>The outcome of reading a rules file: the rules when every one is valid, else the errors.</summary>
/// <param name="Rules">The rules, in file order; empty when there are errors.</param>
/// <param name="Errors">Every problem found, each naming its rule and field.</param>
public sealed record ChannelRulesParseResult(IReadOnlyList<ChannelRule> Rules, IReadOnlyList<ChannelRuleError> Errors)
{
    /// <summary>True when the file held valid rules only.</summary>
    public bool IsValid => Errors.Count == 0;
}
