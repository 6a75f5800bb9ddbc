using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Views;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>The interning comparer of dimension tuples: equal by value whatever the string instances, apart on any field.</summary>
public sealed class DimsComparerTests
{
    private static readonly EventDims Tuple = new("organic_search", "google", "organic", null, "/landing", "/page/12", null, null, null, "b", null);

    [Fact]
    public void Equals_SameValuesInOtherStringInstances_EqualWithSameHash()
    {
        // Arrange: every value copied into a new string (the reference shortcut cannot answer).
        static string? Copy(string? s) => s is null ? null : new string(s.AsSpan());
        var copy = new EventDims(Copy(Tuple.Channel), Copy(Tuple.Source), Copy(Tuple.Medium), null, Copy(Tuple.LandingPage),
            Copy(Tuple.Page), null, null, null, Copy(Tuple.Variant), null);

        // Act
        var equal = DimsComparer.Instance.Equals(Tuple, copy);

        // Assert
        Assert.True(equal);
        Assert.Equal(DimsComparer.Instance.GetHashCode(Tuple), DimsComparer.Instance.GetHashCode(copy));
    }

    [Fact]
    public void Equals_OneFieldDiffers_NotEqual()
    {
        // Arrange: a page one character apart, a value moved to the next field, a null for an empty string.
        EventDims[] others =
        [
            Tuple with { Page = "/page/13" },
            Tuple with { Variant = null, Asset = "b" },
            Tuple with { Campaign = string.Empty },
        ];

        // Act
        var equal = others.Select(o => DimsComparer.Instance.Equals(Tuple, o)).ToList();

        // Assert
        Assert.Equal([false, false, false], equal);
    }

    [Fact]
    public void GetHashCode_ThreeHundredPagesBySixSources_SpreadsOverManyValues()
    {
        // Arrange: the import bench's tuples (1,800).
        var tuples = from page in Enumerable.Range(0, 300)
                     from source in new[] { "google", "bing", "linkedin", "newsletter", "facebook", "direct" }
                     select Tuple with { Source = source, Page = $"/page/{page}" };

        // Act
        var hashes = tuples.Select(DimsComparer.Instance.GetHashCode).ToList();

        // Assert: all 1,800 distinct (a weak hash would fold pages onto each other).
        Assert.Equal(1_800, hashes.Distinct().Count());
    }
}
