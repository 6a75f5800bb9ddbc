using Microsoft.Data.Sqlite;

namespace Northstar.Cli.Tests;

public class StoreOpenErrorTests
{
    [Fact]
    public void Facts_DatabaseFromANewerNorthstar_SaysSoWithoutAStackTrace()
    {
        // Arrange: a real store, then its schema version moved past what this build knows.
        using var dir = new TempDirectory();
        EventCsv.Write(dir.File("e.csv"), first: 0, count: 10);
        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "events", "e.csv").ExitCode);
        using (var connection = new SqliteConnection($"Data Source={dir.File("northstar.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        // Act
        var (code, _, stderr) = CliProcess.Run(dir.Path, "facts");

        // Assert
        Assert.Equal(1, code);
        Assert.StartsWith("error: The database", stderr, StringComparison.Ordinal);
        Assert.Contains("newer Northstar", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
