using Northstar.Core.Metrics.Formulas;

namespace Northstar.Core.Tests.Metrics.Formulas;

public class FormulaParserErrorTests
{
    [Theory]
    [InlineData("spend / lead", 8, 4, "unknown measure \"lead\"; did you mean \"leads\"?")]
    [InlineData("spend / Leads", 8, 5, "unknown measure \"Leads\"; did you mean \"leads\"?")]
    [InlineData("meetings_bookd / emails_sent", 0, 14, "unknown measure \"meetings_bookd\"; did you mean \"meetings_booked\"?")]
    [InlineData("spend / widgets", 8, 7, "unknown measure \"widgets\"")]
    public void Parse_UnknownMeasure_NamedWithSuggestionWhenClose(string text, int position, int length, string reason)
    {
        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(position, length, reason), error);
    }

    [Theory]
    [InlineData("leads[chanel = \"email\"]", 6, 6, "unknown dimension \"chanel\"; did you mean \"channel\"?")]
    [InlineData("leads[colour = \"red\"]", 6, 6, "unknown dimension \"colour\"")]
    public void Parse_UnknownDimension_NamedWithSuggestionWhenClose(string text, int position, int length, string reason)
    {
        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(position, length, reason), error);
    }

    [Theory]
    [InlineData("spend[landing_page = \"x\"]", 6, 12, "spend cannot be filtered by landing_page (it can be filtered by channel, campaign, kind)")]
    [InlineData("survey_score[owner = \"x\"] / 2", 13, 5, "survey_score cannot be filtered by owner (it cannot be filtered)")]
    public void Parse_DimensionTheMeasureLacks_SaysWhichItHas(string text, int position, int length, string reason)
    {
        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(position, length, reason), error);
    }

    [Theory]
    [InlineData("(leads + deals_won", 0, 1, "unmatched opening parenthesis")]
    [InlineData("spend / (leads * (2 + 1)", 8, 1, "unmatched opening parenthesis")]
    [InlineData("(", 0, 1, "unmatched opening parenthesis")]
    [InlineData("leads + deals_won)", 17, 1, "unmatched closing parenthesis")]
    [InlineData("(leads + deals_won)) * 2", 19, 1, "unmatched closing parenthesis")]
    [InlineData("leads[campaign in (\"a\"", 18, 1, "unmatched opening parenthesis")]
    [InlineData("leads[channel = \"a\"", 5, 1, "unmatched opening bracket")]
    public void Parse_UnbalancedBracket_PointsAtTheUnmatchedOne(string text, int position, int length, string reason)
    {
        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(position, length, reason), error);
    }

    [Fact]
    public void Parse_UnterminatedString_SpansFromQuoteToEnd()
    {
        var error = TestCatalog.SingleError("leads[channel = \"email]");

        Assert.Equal(new FormulaError(16, 7, "unterminated string: it has no closing \""), error);
    }

    [Fact]
    public void Parse_UnknownEscape_PointsAtBackslash()
    {
        var error = TestCatalog.SingleError("leads[campaign = \"a\\nb\"]");

        Assert.Equal(new FormulaError(19, 2, "in a string, a backslash must be followed by \" or \\"), error);
    }

    [Theory]
    [InlineData("leads /", 6, 1, "missing operand after \"/\"")]
    [InlineData("(leads + ) * 2", 7, 1, "missing operand after \"+\"")]
    [InlineData("leads * / 2", 6, 1, "missing operand after \"*\"")]
    [InlineData("-", 0, 1, "missing operand after \"-\"")]
    [InlineData("* leads", 0, 1, "missing operand before \"*\"")]
    [InlineData("(/ leads)", 1, 1, "missing operand before \"/\"")]
    [InlineData("leads leads", 6, 5, "expected an operator but found \"leads\"")]
    [InlineData("leads 2", 6, 1, "expected an operator but found the number 2")]
    [InlineData("leads / \"x\"", 8, 3, "expected a measure, a number or \"(\" but found a string")]
    [InlineData("(leads ] / 2", 7, 1, "expected an operator or \")\" but found \"]\"")]
    [InlineData("leads % 2", 6, 1, "unexpected character \"%\"")]
    [InlineData("leads[]", 6, 1, "expected a dimension but found \"]\"")]
    [InlineData("leads[channel == \"a\"]", 15, 1, "expected a string in double quotes but found \"=\"")]
    [InlineData("leads[channel is \"a\"]", 14, 2, "expected \"=\", \"!=\", \"in\" or \"not in\" after the dimension but found \"is\"")]
    [InlineData("leads[channel = \"a\" or channel = \"b\"]", 20, 2, "expected \",\", \"and\" or \"]\" but found \"or\"")]
    [InlineData("leads[campaign in \"a\"]", 18, 3, "expected \"(\" after \"in\" but found a string")]
    [InlineData("leads[campaign in (\"a\" \"b\")]", 23, 3, "expected \",\" or \")\" but found a string")]
    public void Parse_UnexpectedToken_SaysWhatWasExpected(string text, int position, int length, string reason)
    {
        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(position, length, reason), error);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    public void Parse_Empty_SaysSo(string text, int length)
    {
        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(0, length, "the formula is empty"), error);
    }

    [Theory]
    [InlineData("spend / 1,000", 8, 5, "1000", "1,000")]
    [InlineData("1,000,000.5 * leads", 0, 11, "1000000.5", "1,000,000.5")]
    [InlineData("leads * 1_000", 8, 5, "1000", "1_000")]
    public void Parse_ThousandsSeparator_ShowsNumberWithout(string text, int position, int length, string plain, string written)
    {
        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(position, length, $"numbers are written without thousands separators: {plain}, not {written}"), error);
    }

    [Fact]
    public void Parse_DecimalComma_AsksForDot()
    {
        var error = TestCatalog.SingleError("spend * 1,5");

        Assert.Equal(new FormulaError(8, 3, "decimals are written with a dot: 1.5, not 1,5"), error);
    }

    [Theory]
    [InlineData("leads[channel = email]", 16, 5, "email")]
    [InlineData("leads[campaign in (\"a\", 7)]", 24, 1, "7")]
    [InlineData("leads[channel != paid_social]", 17, 11, "paid_social")]
    public void Parse_FilterValueNotString_AsksForQuotes(string text, int position, int length, string value)
    {
        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(position, length, $"a filter value must be a string in double quotes: \"{value}\""), error);
    }

    [Fact]
    public void Parse_OnlyNumbers_NeedsAMeasure()
    {
        var error = TestCatalog.SingleError("2 * (3 + 1)");

        Assert.Equal(new FormulaError(0, 11, "a KPI needs at least one measure"), error);
    }

    [Fact]
    public void Parse_HugeNumber_TooLarge()
    {
        var error = TestCatalog.SingleError("leads * 1e400");

        Assert.Equal(new FormulaError(8, 5, "the number is too large"), error);
    }

    [Fact]
    public void Parse_SeveralMeaningErrors_AllReportedInOrder()
    {
        var result = FormulaParser.Parse("lead + spend[landing_page = \"x\", chanel = \"y\"]", TestCatalog.Instance);

        FormulaError[] expected =
        [
            new(0, 4, "unknown measure \"lead\"; did you mean \"leads\"?"),
            new(13, 12, "spend cannot be filtered by landing_page (it can be filtered by channel, campaign, kind)"),
            new(33, 6, "unknown dimension \"chanel\"; did you mean \"channel\"?"),
        ];
        Assert.Null(result.Formula);
        Assert.Equal(expected, result.Errors);
    }

    [Fact]
    public void Parse_DeepNesting_RejectedWithoutStackOverflow()
    {
        var text = new string('(', 101) + "leads" + new string(')', 101);

        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(100, 1, "the formula nests too deeply (over 100 levels)"), error);
    }

    [Fact]
    public void Parse_DeepUnaryMinus_RejectedWithoutStackOverflow()
    {
        var text = new string('-', 101) + "leads";

        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(100, 1, "the formula nests too deeply (over 100 levels)"), error);
    }

    [Fact]
    public void Render_FormulaOverTwoLines_CaretStaysUnderPosition()
    {
        const string text = "spend /\r\n\tlead";
        var error = TestCatalog.SingleError(text);

        var rendered = error.Render(text);

        Assert.Equal(new FormulaError(10, 4, "unknown measure \"lead\"; did you mean \"leads\"?"), error);
        Assert.Equal($"spend /   lead{Environment.NewLine}          ^^^^ unknown measure \"lead\"; did you mean \"leads\"?", rendered);
    }

    [Fact]
    public void Parse_HundredLevels_Accepted()
    {
        var text = new string('(', 100) + "leads" + new string(')', 100);

        var formula = TestCatalog.Parse(text);

        Assert.Equal("leads", formula.ToString());
    }

    [Fact]
    public void Parse_TooManyTokens_PointsAtTheFirstOneOver()
    {
        // 2,000 "leads" and 2,000 "+" are the 4,000 tokens allowed; the last "leads" starts at 8 * 2,000.
        var text = string.Concat(Enumerable.Repeat("leads + ", 2_000)) + "leads";

        var error = TestCatalog.SingleError(text);

        Assert.Equal(new FormulaError(16_000, 5, "the formula is too long (over 4000 names, numbers and symbols)"), error);
    }

    [Fact]
    public void Render_Error_CaretsUnderTheFault()
    {
        var error = TestCatalog.SingleError("spend / lead");

        var text = error.Render("spend / lead");

        Assert.Equal($"spend / lead{Environment.NewLine}        ^^^^ unknown measure \"lead\"; did you mean \"leads\"?", text);
    }
}
