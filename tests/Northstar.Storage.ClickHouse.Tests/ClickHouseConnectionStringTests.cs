namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>Reading the connection string (no server needed).</summary>
public sealed class ClickHouseConnectionStringTests
{
    [Fact]
    public void Parse_UrlAndDatabase_OneServer()
    {
        var c = ClickHouseConnectionString.Parse("Url=http://127.0.0.1:8123;Database=acme");

        Assert.Equal(new Uri("http://127.0.0.1:8123"), c.Url);
        Assert.Equal("acme", c.Database);
        Assert.Null(c.Cluster);
        Assert.Equal([new Uri("http://127.0.0.1:8123")], c.Shards);
    }

    [Fact]
    public void Parse_ClusterWithShards_UrlIsTheFirstShardAndDatabaseDefaults()
    {
        var c = ClickHouseConnectionString.Parse("cluster=northstar; shards=http://h1:8123, http://h2:8123");

        Assert.Equal("northstar", c.Cluster);
        Assert.Equal("northstar", c.Database);
        Assert.Equal(new Uri("http://h1:8123"), c.Url);
        Assert.Equal([new Uri("http://h1:8123"), new Uri("http://h2:8123")], c.Shards);
    }

    [Theory]
    [InlineData("Database=x")] // no server
    [InlineData("Url=ftp://h:21")] // not http
    [InlineData("Url=http://h:8123;Database=a-b")] // not a database name
    [InlineData("Url=http://h:8123;Cluster=northstar")] // a cluster without its shards
    [InlineData("Url=http://h:8123;Password=x")] // unknown key
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => ClickHouseConnectionString.Parse(text));
    }
}
