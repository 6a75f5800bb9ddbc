namespace Northstar.Core.Tests.Metrics.Formulas;

public class FormulaToStringTests
{
    [Theory]
    [InlineData("  spend[kind!=\"service\"]/leads", "spend[kind != \"service\"] / leads")]
    [InlineData("((leads)) + (deals_won)", "leads + deals_won")]
    [InlineData("leads - (deals_won - emails_sent)", "leads - (deals_won - emails_sent)")]
    [InlineData("(leads - deals_won) - emails_sent", "leads - deals_won - emails_sent")]
    [InlineData("spend / (leads * 2)", "spend / (leads * 2)")]
    [InlineData("(spend / leads) * 2", "spend / leads * 2")]
    [InlineData("-(spend + revenue_new)", "-(spend + revenue_new)")]
    [InlineData("- spend / leads", "-spend / leads")]
    [InlineData("leads - - deals_won", "leads - -deals_won")]
    [InlineData("spend[campaign in (\"b\",\"a\")]", "spend[campaign in (\"a\", \"b\")]")]
    [InlineData("spend[kind = \"media\" and channel not in (\"sms\",\"email\")]", "spend[channel not in (\"email\", \"sms\"), kind = \"media\"]")]
    [InlineData("leads * 1e21", "leads * 1E+21")]
    [InlineData("leads * 0.50", "leads * 0.5")]
    [InlineData("leads[campaign = \"a \\\"b\\\" \\\\\"]", "leads[campaign = \"a \\\"b\\\" \\\\\"]")]
    public void ToString_AnySpacing_CanonicalText(string text, string canonical)
    {
        var formula = TestCatalog.Parse(text);

        Assert.Equal(canonical, formula.ToString());
    }

    [Theory]
    [InlineData("revenue_new[channel = \"paid_social\"] / spend[channel = \"paid_social\"]")]
    [InlineData("spend + leads * revenue_new - -(spend / 2)")]
    [InlineData("((revenue_new - spend) / spend) * (1 - open_rate)")]
    [InlineData("leads - (deals_won - (emails_sent - meetings_booked))")]
    [InlineData("-(-leads) / (deals_won / 3.25e-4)")]
    [InlineData("spend[channel not in (\"x\\\\\", \"y\\\"\") and kind != \"service\"] / leads[landing_page = \"/pricing\"]")]
    public void ToString_Reparsed_EqualStructure(string text)
    {
        var original = TestCatalog.Parse(text);

        var reparsed = TestCatalog.Parse(original.ToString());

        Assert.Equal(original, reparsed);
        Assert.Equal(original.ToString(), reparsed.ToString());
    }

    [Fact]
    public void Equals_DifferentStructure_NotEqual()
    {
        var left = TestCatalog.Parse("leads - deals_won - emails_sent");
        var right = TestCatalog.Parse("leads - (deals_won - emails_sent)");

        Assert.NotEqual(left, right);
    }
}
