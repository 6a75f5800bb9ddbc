using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>
/// A workspace in an <see cref="InMemoryFactStore"/> that a test fills with facts and asks KPIs of.
/// Unless a test says otherwise, today is 2027-01-01, so no bucket of 2026 is incomplete.
/// </summary>
internal sealed class KpiWorld : IDisposable
{
    public static readonly DateTimeOffset LongAfter = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public KpiWorld(string timeZone = "UTC")
    {
        Workspace = timeZone == "UTC" ? Store.GetOrCreateWorkspace("w") : Store.SetTimeZone("w", timeZone);
    }

    public InMemoryFactStore Store { get; } = new();

    public Workspace Workspace { get; }

    /// <summary>January 2026: builder days 1 to 31.</summary>
    public static DateRange January { get; } = Days(1, 32);

    /// <summary>December 2025: builder days -30 to 0.</summary>
    public static DateRange December { get; } = Days(-30, 1);

    /// <summary>Builder days <paramref name="first"/> (included) to <paramref name="end"/> (excluded).</summary>
    public static DateRange Days(int first, int end) => new(BuilderTime.Date(first), BuilderTime.Date(end));

    /// <summary>A world with one session start at noon of each builder day given (a new anonymous visitor each).</summary>
    public static KpiWorld WithSessions(params int[] days)
    {
        var world = new KpiWorld();
        world.Add([.. days.Select((day, i) => new EventBuilder($"s{i}").SessionStart().At(day, hour: 12).Anonymous($"a{i}").Build())]);
        return world;
    }

    /// <summary>Writes the facts in one committed session.</summary>
    public KpiWorld Add(params IFact[] facts)
    {
        using var session = Store.BeginWrite(Workspace);
        Write<EventFact>(session, facts);
        Write<Contact>(session, facts);
        Write<StageChange>(session, facts);
        Write<Account>(session, facts);
        Write<Deal>(session, facts);
        Write<Spend>(session, facts);
        Write<Subscription>(session, facts);
        Write<SurveyAnswer>(session, facts);
        Write<SeriesPoint>(session, facts);
        Write<Activity>(session, facts);
        session.Commit();
        return this;
    }

    public MetricsEngine Engine(MetricOptions? options = null, DateTimeOffset? now = null) =>
        new(Store, Workspace, options, new ManualClock(now ?? LongAfter));

    /// <summary>The KPI over the range as one number (no breakdown, one bucket).</summary>
    public double? Total(string kpi, DateRange range, MetricOptions? options = null) =>
        Engine(options).Run(new MetricQuery(kpi, range)).Rows.Single().Total;

    /// <summary>The KPI over the range broken down by a dimension: group to total.</summary>
    public Dictionary<string, double?> By(string kpi, DateRange range, string dimension, MetricOptions? options = null) =>
        Engine(options).Run(new MetricQuery(kpi, range) { By = dimension }).Rows.ToDictionary(r => r.Group, r => r.Total);

    public void Dispose() => Store.Dispose();

    private static void Write<T>(IFactWriteSession session, IFact[] facts)
        where T : class, IFact
    {
        var these = facts.OfType<T>().ToArray();
        if (these.Length > 0)
        {
            session.Write<T>(these, new List<int>());
        }
    }
}
