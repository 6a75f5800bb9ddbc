using Northstar.Server.Pages.Export;

namespace Northstar.Server.Tests.Dashboard;

public sealed class SafeCsvTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+SUM(A1:A9)", "'+SUM(A1:A9)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tcalc", "'\tcalc")]
    [InlineData("\rcalc", "'\rcalc")]
    [InlineData("-", "'-")]
    [InlineData("-e", "'-e")]
    [InlineData("- 5", "'- 5")]
    [InlineData("-1,5", "'-1,5")]
    public void Neutralise_FormulaTrigger_GetsAQuote(string cell, string expected) =>
        Assert.Equal(expected, SafeCsv.Neutralise(cell));

    [Theory]
    [InlineData("-12.5")]
    [InlineData("+3")]
    [InlineData("-0.25")]
    [InlineData("-1.2E-05")]
    [InlineData("paid_search")]
    [InlineData("12")]
    [InlineData("")]
    [InlineData("a=b")]
    public void Neutralise_PlainNumberOrText_IsUnchanged(string cell) =>
        Assert.Equal(cell, SafeCsv.Neutralise(cell));

    [Fact]
    public void Neutralise_Null_IsEmpty() => Assert.Equal("", SafeCsv.Neutralise(null));

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Field_CommaQuoteOrBreak_IsQuotedAfterNeutralising(string cell, string expected) =>
        Assert.Equal(expected, SafeCsv.Field(cell));

    [Fact]
    public void Write_HeaderAndRows_GivesCrlfLines()
    {
        var csv = SafeCsv.Write(["channel", "roi"], [["=cmd|' /C calc'!A0", "-0.5"], ["email", null]]);

        Assert.Equal("channel,roi\r\n'=cmd|' /C calc'!A0,-0.5\r\nemail,\r\n", csv);
    }
}
