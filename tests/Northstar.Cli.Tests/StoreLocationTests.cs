using Northstar.Storage;

namespace Northstar.Cli.Tests;

/// <summary>
/// How a <c>--db</c> location is read: which spellings name one store, what is shown of it, and
/// the name of the files kept for a server store.
/// </summary>
public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("postgres:Host=db;Database=ns;Username=u;Password=a", "postgres:database=ns;USERNAME=u;host=DB;Port=5432;Password=b")]
    [InlineData("postgres:Host=db;Username=ns", "postgresql:Server=db;Database=ns")]
    [InlineData("clickhouse:Url=http://ch:8123;Database=northstar", "clickhouse:url=http://CH:8123/; database=northstar")]
    [InlineData("clickhouse:Url=http://ch:8123", "clickhouse:Shards=http://ch:8123")]
    [InlineData("northstar.db", "sqlite:./northstar.db")]
    public void IsSameStore_OneStoreSpeltTwoWays_IsTheSameStore(string a, string b) =>
        Assert.True(StoreLocation.Parse(a).IsSameStore(StoreLocation.Parse(b)));

    [Theory]
    [InlineData("postgres:Host=db;Database=ns", "postgres:Host=db;Database=ns;Port=5433")]
    [InlineData("postgres:Host=db;Database=ns", "postgres:Host=db2;Database=ns")]
    [InlineData("clickhouse:Url=http://ch:8123;Database=a", "clickhouse:Url=http://ch:8123;Database=b")]
    [InlineData("postgres:Host=db;Database=ns", "clickhouse:Url=http://db:5432;Database=ns")]
    public void IsSameStore_TwoStores_AreNot(string a, string b) =>
        Assert.False(StoreLocation.Parse(a).IsSameStore(StoreLocation.Parse(b)));

    [Theory]
    [InlineData("postgres:Host=db;Password=\"zq;xv=wk\";Database=ns", "zq", "xv", "wk")]
    [InlineData("postgres:Host=db;PWD='x;y';Database=ns", "x;y", "'x", "y'")]
    [InlineData("postgres:Host=db;Password=s=e;Database=ns", "s=e", "=e", "=e")]
    public void ToString_PasswordWithSeparators_MaskedWhole(string text, string secret, string head, string tail)
    {
        var shown = StoreLocation.Parse(text).ToString();

        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(head, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(tail, shown, StringComparison.Ordinal);
        Assert.Contains("=***", shown, StringComparison.Ordinal);
        Assert.Contains("ns", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://ada:s3cret@db/ns")]
    [InlineData("postgresql://ada:s3cret@db:5432/ns")]
    [InlineData("clickhouse:http://ada:s3cret@ch:8123")]
    public void Parse_Url_RefusedWithoutEchoingIt(string text)
    {
        var e = Assert.Throws<Core.Storage.StoreUnavailableException>(() => StoreLocation.Parse(text));

        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
        Assert.Contains("Key=Value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalFileBase_PasswordRotatedOrKeysReordered_SameJournalName()
    {
        var before = StoreLocation.Parse("postgres:Host=db;Database=ns;Username=u;Password=old").LocalFileBase("/srv");
        var after = StoreLocation.Parse("postgres:Username=u;Password=new;Database=ns;Host=db").LocalFileBase("/srv");
        var other = StoreLocation.Parse("postgres:Host=db;Database=other;Username=u;Password=old").LocalFileBase("/srv");

        Assert.Equal(before, after);
        Assert.NotEqual(before, other);
        Assert.StartsWith("/srv/northstar-postgres-", before, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=x.db", "x.db")]
    [InlineData("Data Source=x.db;Cache=Shared", "x.db")]
    [InlineData("Filename=\"dir;1/x.db\"", "dir;1/x.db")]
    [InlineData("plain.db", "plain.db")]
    public void FromConfiguration_SqliteConnectionString_TheFile(string connectionString, string file) =>
        Assert.Equal(Path.GetFullPath(file), StoreLocation.FromConfiguration("sqlite", connectionString)!.Target);

    [Theory]
    [InlineData("sqlite:C:\\data\\n.db", "C:\\data\\n.db")]
    [InlineData("C:\\data\\n.db", "C:\\data\\n.db")]
    [InlineData("sqlite:rel/n.db", "rel/n.db")]
    [InlineData("./odd:name.db", "./odd:name.db")]
    public void Parse_FilePaths_SqliteAtTheFullPath(string text, string file)
    {
        var location = StoreLocation.Parse(text);

        Assert.Equal(StoreProvider.Sqlite, location.Provider);
        Assert.Equal(Path.GetFullPath(file), location.Target);
    }
}
