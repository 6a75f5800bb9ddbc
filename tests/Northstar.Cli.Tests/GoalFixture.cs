using System.Globalization;
using System.Text;

namespace Northstar.Cli.Tests;

/// <summary>
/// A database with 31 leads imported through the CLI, on 1-10 January 2025 (c0 on the 1st, c1 on
/// the 2nd, ... c9 on the 10th, c10 on the 1st again...): the worked pacing example of issue 4.
/// </summary>
public sealed class GoalFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public GoalFixture()
    {
        var csv = new StringBuilder("contact_id,stage,entered_at\n");
        for (var i = 0; i < 31; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"c{i},lead,2025-01-{(i % 10) + 1:D2}T09:00:00Z\n");
        }

        File.WriteAllText(_dir.File("stages.csv"), csv.ToString());
        var (code, _, err) = CliProcess.Run(_dir.Path, "import", "stages", "stages.csv");
        Assert.True(code == 0, $"import stages failed: {err}");
    }

    public string Path => _dir.Path;

    /// <summary>Runs northstar in the fixture's folder; fails the test with stderr when the exit code is not 0.</summary>
    public string Ok(params string[] args)
    {
        var (code, stdout, stderr) = CliProcess.Run(Path, args);
        Assert.True(code == 0, $"northstar {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    public void Dispose() => _dir.Dispose();
}
