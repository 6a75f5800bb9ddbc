namespace Northstar.Core.Channels;

/// <summary>
/// What is wrong with a channel rule, or with the rules file as a whole.
/// </summary>
/// <param name="Index">The rule's 0-based position in the list; null for an error in the file as a whole.</param>
/// <param name="Field">The field at fault (<c>channel</c>, <c>source</c>, <c>medium</c>, <c>campaign</c>, or an unknown property's name); null when it is the whole rule or file.</param>
/// <param name="Reason">Why, in words a person can act on.</param>
/// <param name="Line">For a JSON syntax error, the 1-based line.</param>
/// <param name="Position">For a JSON syntax error, the 1-based byte position in that line.</param>
public sealed record ChannelRuleError(int? Index, string? Field, string Reason, long? Line = null, long? Position = null)
{
    /// <summary>E.g. <c>rule 2 (index 1), medium: invalid regular expression ...</c> or <c>line 3, position 7: ...</c>.</summary>
    public override string ToString()
    {
        var where = Index is { } i ? $"rule {i + 1} (index {i})" : Line is { } l ? $"line {l}, position {Position}" : "rules";
        return Field is null ? $"{where}: {Reason}" : $"{where}, {Field}: {Reason}";
    }
}
