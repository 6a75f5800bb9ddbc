namespace Northstar.Cli.Tests;

/// <summary>
/// A tiny hand-built company imported through the CLI, small enough to work every KPI out by hand.
/// <list type="bullet">
/// <item>Leads: c1, c2 in July 2025, c3 in August; c4 in June (the quarter before).</item>
/// <item>Customers: c1 (August, first touch paid_search), c2 (September, first touch email).</item>
/// <item>Spend in 2025-Q3: paid_search media 1,000; email creative 500; paid_search service 700 (not acquisition spend).</item>
/// </list>
/// </summary>
public sealed class KpiFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public KpiFixture() => Import(_dir);

    /// <summary>The directory holding northstar.db with the company imported.</summary>
    public string Path => _dir.Path;

    public void Dispose() => _dir.Dispose();

    private static void Import(TempDirectory dir)
    {
        File.WriteAllText(dir.File("events.csv"), """
            id,timestamp,type,contact_id,source,medium,channel
            e1,2025-07-01T10:00:00Z,session_start,c1,google,cpc,paid_search
            e2,2025-07-02T10:00:00Z,session_start,c2,newsletter,email,email
            e3,2025-08-03T10:00:00Z,session_start,c3,google,organic,organic_search
            e4,2025-06-03T10:00:00Z,session_start,c4,google,organic,organic_search
            """);
        File.WriteAllText(dir.File("stages.csv"), """
            contact_id,stage,entered_at
            c1,lead,2025-07-01T11:00:00Z
            c2,lead,2025-07-02T11:00:00Z
            c3,lead,2025-08-03T11:00:00Z
            c4,lead,2025-06-03T11:00:00Z
            c1,customer,2025-08-10T09:00:00Z
            c2,customer,2025-09-05T09:00:00Z
            """);
        File.WriteAllText(dir.File("spend.csv"), """
            date,channel,campaign,kind,amount
            2025-07-15,paid_search,brand,media,1000
            2025-08-01,email,news,creative,500
            2025-09-01,paid_search,brand,service,700
            """);
        foreach (var (kind, file) in new[] { ("events", "events.csv"), ("stages", "stages.csv"), ("spend", "spend.csv") })
        {
            var (code, _, err) = CliProcess.Run(dir.Path, "import", kind, file);
            Assert.True(code == 0, $"import {kind} failed: {err}");
        }
    }
}
