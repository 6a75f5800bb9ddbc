namespace Northstar.Cli.Tests;

/// <summary>A small simulated company (300 contacts, 2025), made once for a test class through <c>northstar demo</c>.</summary>
public sealed class DemoCompanyFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public DemoCompanyFixture()
    {
        var (code, _, err) = CliProcess.Run(_dir.Path, "demo", "--contacts", "300", "--years", "1", "--format", "json");
        Assert.True(code == 0, "demo failed: " + err);
    }

    /// <summary>The directory holding northstar.db.</summary>
    public string Path => _dir.Path;

    public void Dispose() => _dir.Dispose();
}
