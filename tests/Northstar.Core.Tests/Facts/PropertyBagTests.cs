using Northstar.Core.Facts;

namespace Northstar.Core.Tests.Facts;

public class PropertyBagTests
{
    [Fact]
    public void From_UnsortedItems_SortsByNameOrdinally()
    {
        var bag = PropertyBag.From([KeyValuePair.Create("plan", "pro"), KeyValuePair.Create("Region", "eu"), KeyValuePair.Create("ab_test", "b")]);

        // Ordinal order puts upper case before lower case: "Region" < "ab_test" < "plan".
        Assert.Equal(["Region", "ab_test", "plan"], bag.Select(p => p.Key));
        Assert.Equal(3, bag.Count);
        Assert.Equal(KeyValuePair.Create("ab_test", "b"), bag[1]);
    }

    [Fact]
    public void From_DuplicateName_LaterValueWins()
    {
        var bag = PropertyBag.From([KeyValuePair.Create("plan", "free"), KeyValuePair.Create("plan", "pro")]);

        Assert.Equal(KeyValuePair.Create("plan", "pro"), Assert.Single(bag));
    }

    [Fact]
    public void From_NoItems_IsTheEmptyBag()
    {
        var bag = PropertyBag.From([]);

        Assert.Same(PropertyBag.Empty, bag);
        Assert.Empty(bag);
        Assert.Equal("", bag.ToString());
    }

    [Fact]
    public void From_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PropertyBag.From(null!));
    }

    [Fact]
    public void Get_NameIsCaseSensitive_OnlyExactNameFound()
    {
        var bag = PropertyBag.From([KeyValuePair.Create("plan", "pro")]);

        Assert.Equal("pro", bag.Get("plan"));
        Assert.Null(bag.Get("Plan"));
        Assert.Null(bag.Get("tier"));
    }

    [Fact]
    public void Equals_SameItemsInOtherOrder_EqualWithSameHash()
    {
        var a = PropertyBag.From([KeyValuePair.Create("x", "1"), KeyValuePair.Create("y", "2")]);
        var b = PropertyBag.From([KeyValuePair.Create("y", "2"), KeyValuePair.Create("x", "1")]);

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("x", "9")] // same name, other value
    [InlineData("z", "1")] // other name, same value
    public void Equals_DifferentItem_NotEqual(string name, string value)
    {
        var a = PropertyBag.From([KeyValuePair.Create("x", "1")]);
        var b = PropertyBag.From([KeyValuePair.Create(name, value)]);

        Assert.NotEqual(a, b);
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Equals_InsideRecords_RecordsCompareByValue()
    {
        var first = new Tagged("c1", PropertyBag.From([KeyValuePair.Create("plan", "pro")]));
        var second = new Tagged("c1", PropertyBag.From([KeyValuePair.Create("plan", "pro")]));

        Assert.Equal(first, second);
    }

    [Fact]
    public void ToString_TwoItems_NameEqualsValueSeparatedBySemicolon()
    {
        var bag = PropertyBag.From([KeyValuePair.Create("b", "2"), KeyValuePair.Create("a", "1")]);

        Assert.Equal("a=1;b=2", bag.ToString());
    }

    private sealed record Tagged(string Id, PropertyBag Properties);
}
