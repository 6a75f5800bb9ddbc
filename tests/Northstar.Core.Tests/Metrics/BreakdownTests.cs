using Northstar.Core.Metrics;

namespace Northstar.Core.Tests.Metrics;

/// <summary>Breakdowns and filters compare by value: what a context keeps per breakdown is found again for the same breakdown asked anew.</summary>
public class BreakdownTests
{
    [Fact]
    public void Equals_SameFiltersInNewLists_EqualWithTheSameHash()
    {
        var a = new Breakdown(Dimensions.Channel, [new Filter(Dimensions.Segment, ["smb", "mid"]), new Filter(Dimensions.Owner, ["ann"], Negated: true)]);
        var b = new Breakdown(Dimensions.Channel, [new Filter(Dimensions.Segment, new List<string> { "smb", "mid" }), new Filter(Dimensions.Owner, new[] { "ann" }, Negated: true)]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<object> { (typeof(BreakdownTests), a), (typeof(BreakdownTests), b) });
    }

    [Theory]
    [InlineData(null, "smb", false)] // no grouping
    [InlineData("channel", "mid", false)] // another value
    [InlineData("channel", "smb", true)] // negated
    public void Equals_AnyPartDiffers_NotEqual(string? by, string value, bool negated)
    {
        var a = new Breakdown(Dimensions.Channel, [new Filter(Dimensions.Segment, ["smb"])]);
        var b = new Breakdown(by, [new Filter(Dimensions.Segment, [value], negated)]);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Equals_FiltersInAnotherOrderOrOneMore_NotEqual()
    {
        Filter smb = new(Dimensions.Segment, ["smb"]), email = new(Dimensions.Channel, ["email"]);

        Assert.NotEqual(new Breakdown(null, [smb, email]), new Breakdown(null, [email, smb]));
        Assert.NotEqual(new Breakdown(null, [smb]), new Breakdown(null, [smb, email]));
        Assert.NotEqual(new Filter(Dimensions.Segment, ["smb", "mid"]), new Filter(Dimensions.Segment, ["mid", "smb"]));
    }
}
