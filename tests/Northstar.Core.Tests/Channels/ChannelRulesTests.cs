using Northstar.Core.Channels;

namespace Northstar.Core.Tests.Channels;

/// <summary>Reading and writing the rules file behind <c>northstar channels set --file rules.json</c>.</summary>
public class ChannelRulesTests
{
    [Fact]
    public void Parse_ValidFile_ReadsRulesInOrder()
    {
        const string json = """
            [
              {"channel": "partners", "source": "^partner"},
              // comments and trailing commas are fine in a hand-written file
              {"channel": "abm", "source": "linkedin", "medium": "^cpc$", "campaign": "^abm_"},
            ]
            """;

        var result = ChannelRules.Parse(json);

        Assert.True(result.IsValid);
        Assert.Equal(
            [new ChannelRule("partners", "^partner"), new ChannelRule("abm", "linkedin", "^cpc$", "^abm_")],
            result.Rules);
    }

    [Fact]
    public void Parse_InvalidRegex_NamesRuleIndexAndField()
    {
        const string json = """[{"channel": "ok", "source": "a"}, {"channel": "bad", "medium": "(cpc"}]""";

        var result = ChannelRules.Parse(json);

        Assert.False(result.IsValid);
        Assert.Empty(result.Rules);
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "medium"), (error.Index, error.Field));
        Assert.Contains("invalid regular expression", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("rule 2 (index 1), medium: invalid regular expression", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"channel": "", "source": "a"}]""", "channel", "is empty")]
    [InlineData("""[{"channel": "  ", "source": "a"}]""", "channel", "is empty")]
    [InlineData("""[{"source": "a"}]""", "channel", "is missing")]
    [InlineData("""[{"channel": null, "source": "a"}]""", "channel", "is missing")]
    [InlineData("""[{"channel": "x", "source": 3}]""", "source", "must be a string")]
    [InlineData("""[{"channel": "x", "campaign": " "}]""", "campaign", "is blank")]
    [InlineData("""[{"channel": "x", "sauce": "a"}]""", "sauce", "unknown field")]
    [InlineData("""[{"channel": "x", "source": "a", "Source": "b"}]""", "source", "appears twice")]
    public void Parse_BadField_NamesIndexFieldAndReason(string json, string field, string reason)
    {
        var result = ChannelRules.Parse(json);

        Assert.Contains(result.Errors, e => e.Index == 0 && e.Field == field && e.Reason.StartsWith(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RuleWithoutPattern_IsAnErrorOnTheWholeRule()
    {
        var result = ChannelRules.Parse("""[{"channel": "everything"}]""");

        var error = Assert.Single(result.Errors);
        Assert.Equal((0, (string?)null), (error.Index, error.Field));
        Assert.StartsWith("has no pattern", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadRules_ReportsEachOne()
    {
        const string json = """[{"channel": "a"}, 42, {"channel": "c", "source": "["}]""";

        var result = ChannelRules.Parse(json);

        Assert.Equal([0, 1, 2], result.Errors.Select(e => e.Index!.Value));
        Assert.StartsWith("must be an object", result.Errors[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonSyntaxError_GivesLineAndPosition()
    {
        // Line 3 is missing the comma after the first rule; the error is at its 3rd byte ('{').
        const string json = "[\n  {\"channel\": \"a\", \"source\": \"x\"}\n  {\"channel\": \"b\", \"source\": \"y\"}\n]";

        var result = ChannelRules.Parse(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3L, 3L), (error.Line!.Value, error.Position!.Value));
        Assert.Null(error.Index);
        Assert.StartsWith("invalid JSON", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("line 3, position 3: invalid JSON", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"channel": "a", "source": "x"}""")]
    [InlineData("\"rules\"")]
    public void Parse_RootNotAnArray_IsAnError(string json)
    {
        var result = ChannelRules.Parse(json);

        var error = Assert.Single(result.Errors);
        Assert.Null(error.Index);
        Assert.Contains("JSON array", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DefaultChannelInOtherCase_StoresCanonicalId()
    {
        var result = ChannelRules.Parse("""[{"channel": "Paid_Search", "source": "^capterra$"}]""");

        Assert.Equal("paid_search", Assert.Single(result.Rules).Channel);
    }

    [Fact]
    public void ToJson_ThenParse_RoundTrips()
    {
        ChannelRule[] rules =
        [
            new("partners", Source: @"^partner(s)?\.example\.com$"),
            new("abm", Source: "linkedin", Medium: "^(cpc|paid)$", Campaign: "^abm_\"q3\"+"),
            new("events", Campaign: "summit|webinar"),
        ];

        var json = ChannelRules.ToJson(rules);
        var result = ChannelRules.Parse(json);

        Assert.True(result.IsValid);
        Assert.Equal(rules, result.Rules);
        Assert.DoesNotContain("\"medium\"", json.Split('\n').Last(l => l.Contains("events", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_NoRules_IsEmptyArray()
    {
        Assert.Equal("[]", ChannelRules.ToJson([]));
    }

    [Fact]
    public void Validate_ValidAndInvalidRules_ListsOnlyTheInvalidWithIndexes()
    {
        ChannelRule[] rules = [new("a", Source: "ok"), new("", Medium: "ok"), new("c", Campaign: "*bad")];

        var errors = ChannelRules.Validate(rules);

        Assert.Equal([(1, "channel"), (2, "campaign")], errors.Select(e => (e.Index!.Value, e.Field!)));
    }
}
