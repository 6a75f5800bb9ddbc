using System.Text.Json;

namespace Northstar.Cli.Tests;

/// <summary>
/// Which store a command opens when <c>--db</c> is not given: the one the environment names the way
/// the server's configuration does (<c>Storage__Provider</c>, <c>ConnectionStrings__Northstar</c>).
/// </summary>
public sealed class DbOptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Db_NamedByTheEnvironment_IsTheDefaultStore()
    {
        EventCsv.Write(_dir.File("e.csv"), first: 0, count: 7);
        Assert.Equal(0, CliProcess.Run(_dir.Path, "import", "events", "e.csv", "--db", "configured.db").ExitCode);
        var configured = new Dictionary<string, string> { ["Storage__Provider"] = "sqlite", ["ConnectionStrings__Northstar"] = "Data Source=configured.db" };
        var unknown = new Dictionary<string, string> { ["Storage__Provider"] = "oracle", ["ConnectionStrings__Northstar"] = "x" };

        var read = CliProcess.Run(_dir.Path, configured, "facts", "--format", "json");
        var refused = CliProcess.Run(_dir.Path, unknown, "facts");

        Assert.True(read.ExitCode == 0, read.Err);
        Assert.Equal(7, JsonDocument.Parse(read.Out).RootElement.GetProperty("kinds")[0].GetProperty("count").GetInt64());
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Storage:Provider 'oracle'", refused.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("northstar.db")));
    }

    [Theory]
    [InlineData("postgres:Hots=127.0.0.1;Password=secret", "postgres:Hots=127.0.0.1;Password=***")]
    [InlineData("clickhouse:Adress=http://127.0.0.1:8123", "clickhouse:Adress=http://127.0.0.1:8123")]
    [InlineData("postgres:", "'postgres:' needs a connection string")]
    public void Db_MalformedConnectionString_NamedWithoutItsPasswordAndNothingCreated(string db, string named)
    {
        var (code, _, stderr) = CliProcess.Run(_dir.Path, "facts", "--db", db);

        Assert.Equal(1, code);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    public void Dispose() => _dir.Dispose();
}
