using Northstar.Core.Channels;

namespace Northstar.Core.Tests.Channels;

public class SourceCategoriesTests
{
    [Theory]
    [InlineData("google", SourceCategory.Search)]
    [InlineData("www.google.com", SourceCategory.Search)]
    [InlineData("google.com.br", SourceCategory.Search)]
    [InlineData("search.yahoo.com", SourceCategory.Search)]
    [InlineData("Baidu", SourceCategory.Search)]
    [InlineData("yandex.ru", SourceCategory.Search)]
    [InlineData("ecosia", SourceCategory.Search)]
    [InlineData("facebook", SourceCategory.Social)]
    [InlineData("l.facebook.com", SourceCategory.Social)]
    [InlineData("lm.facebook.com", SourceCategory.Social)]
    [InlineData("instagram.com", SourceCategory.Social)]
    [InlineData("x.com", SourceCategory.Social)]
    [InlineData("t.co", SourceCategory.Social)]
    [InlineData("old.reddit.com", SourceCategory.Social)]
    [InlineData("pinterest.co.uk", SourceCategory.Social)]
    [InlineData("youtube", SourceCategory.Video)]
    [InlineData("m.youtube.com", SourceCategory.Video)]
    [InlineData("vimeo.com", SourceCategory.Video)]
    [InlineData("amazon.co.jp", SourceCategory.Shopping)]
    [InlineData("ebay", SourceCategory.Shopping)]
    [InlineData("https://www.etsy.com/listing/1", SourceCategory.Shopping)]
    public void Categorize_ListedSite_HasItsCategory(string source, SourceCategory expected) =>
        Assert.Equal(expected, SourceCategories.Categorize(source));

    [Theory]
    [InlineData("docs.google.com")]      // another Google product, not the search engine
    [InlineData("mail.google.com")]
    [InlineData("aws.amazon.com")]
    [InlineData("google.example.net")]   // "example.net" is not a public suffix of two short labels
    [InlineData("x.example.com")]        // "x" only counts as exactly x or x.com
    [InlineData("newsletter")]
    [InlineData("")]
    [InlineData(null)]
    public void Categorize_UnlistedSource_IsOther(string? source) =>
        Assert.Equal(SourceCategory.Other, SourceCategories.Categorize(source));

    [Theory]
    [InlineData("https://l.facebook.com/l.php?u=x", "l.facebook.com")]
    [InlineData("//Example.com/a", "example.com")]
    [InlineData("user:pw@host.example:8080/path", "host.example")]
    [InlineData("www.google.com.", "www.google.com")]
    [InlineData("   ", null)]
    public void Extract_UrlOrHost_LowerCaseHost(string input, string? expected) =>
        Assert.Equal(expected, HostName.Extract(input));
}
