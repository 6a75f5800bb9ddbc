using System.Diagnostics;
using System.Globalization;
using Northstar.Core.Facts;
using Northstar.Core.Forecasting;
using Northstar.Core.Metrics;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Storage.Sqlite;

namespace Northstar.Bench;

/// <summary>
/// The forecasts' calibration: for each seed, a small demo company (2,000 contacts, two years,
/// 2025-2026) in a temporary SQLite file; every quarter from 2025-Q3 on is forecast at its start,
/// a third and two thirds in, for the funnel counts, new revenue and traffic-to-lead rate, and the share of forecasts
/// whose 80% interval held the actual outcome is printed per KPI, per as-of point and overall.
/// Usage: <c>forecast [seeds] [contacts]</c>, default 20 seeds of 2,000 contacts.
/// </summary>
internal static class ForecastBench
{
    private static readonly string[] Kpis = ["sessions", "leads", "mqls", "sqls", "opportunities", "customers", "revenue_new", "traffic_to_lead_rate"];

    private static readonly double[] Fractions = [0.0, 1.0 / 3, 2.0 / 3];

    public static int Run(string[] args)
    {
        var seeds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var contacts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var quarters = Enumerable.Range(0, 6).Select(q => new DateOnly(2025, 7, 1).AddMonths(3 * q))
            .Select(start => new DateRange(start, start.AddMonths(3))).ToArray();
        var cases = new List<CalibrationCase>();
        var clock = Stopwatch.StartNew();
        for (var seed = 1; seed <= seeds; seed++)
        {
            cases.AddRange(OneCompany(seed, contacts, quarters));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"forecast: seed {seed}/{seeds}: {cases.Count:N0} forecasts, coverage so far {Calibration.Coverage(cases):P1}, {clock.Elapsed.TotalSeconds:F0} s"));
        }

        Print(cases, seeds, contacts);
        var overall = Calibration.Coverage(cases);
        return overall is >= 0.70 and <= 0.90 ? 0 : 1;
    }

    private static IReadOnlyList<CalibrationCase> OneCompany(int seed, int contacts, IReadOnlyList<DateRange> quarters)
    {
        var path = Path.Combine(Path.GetTempPath(), $"northstar-forecastbench-{Environment.ProcessId}-{seed}.db");
        try
        {
            using var store = SqliteFactStore.Open(path);
            var workspace = store.GetOrCreateWorkspace("bench");
            using (var sink = new SessionsOnly(new StoreFactSink(store, workspace)))
            {
                DemoCompany.Run(new SimulationOptions { Seed = seed, Contacts = contacts, Years = 2 }, sink);
            }

            var engine = new MetricsEngine(store, workspace);
            return Calibration.BackTest(engine, Kpis, quarters, Fractions);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static void Print(IReadOnlyList<CalibrationCase> cases, int seeds, int contacts)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"forecast: {seeds} demo companies of {contacts:N0} contacts, quarters 2025-Q3..2026-Q4, as of 0, 1/3 and 2/3 into each"));
        foreach (var group in cases.GroupBy(x => x.Forecast.Kpi))
        {
            Console.WriteLine(string.Create(c, $"forecast: {group.Key,-14} 80% interval held the outcome {Calibration.Coverage(group),6:P1} of {group.Count(),5:N0} (below {Below(group),5:P1}, above {Above(group),5:P1})"));
        }

        foreach (var group in cases.GroupBy(x => Math.Round((double)(x.Forecast.AsOf.DayNumber - x.Forecast.Period.Start.DayNumber) / x.Forecast.Period.Days, 1)))
        {
            Console.WriteLine(string.Create(c, $"forecast: as of {group.Key:0.0} into the quarter: {Calibration.Coverage(group):P1} of {group.Count():N0}"));
        }

        foreach (var group in cases.GroupBy(x => x.Forecast.Period.Start))
        {
            Console.WriteLine(string.Create(c, $"forecast: quarter starting {group.Key:yyyy-MM-dd}: {Calibration.Coverage(group):P1} of {group.Count():N0} (below {Below(group),5:P1}, above {Above(group),5:P1})"));
        }

        Console.WriteLine(string.Create(c, $"forecast: overall 80% interval coverage {Calibration.Coverage(cases):P1} of {cases.Count:N0} forecasts (target 70-90%)"));
    }

    private static double Below(IEnumerable<CalibrationCase> cases) => Share(cases, x => x.Outcome < x.Forecast.Low80);

    private static double Above(IEnumerable<CalibrationCase> cases) => Share(cases, x => x.Outcome > x.Forecast.High80);

    private static double Share(IEnumerable<CalibrationCase> cases, Func<CalibrationCase, bool> test)
    {
        var list = cases.ToList();
        return (double)list.Count(test) / list.Count;
    }

    /// <summary>Passes every fact but events other than session starts (the KPIs back-tested need no others; they are most of the volume).</summary>
    private sealed class SessionsOnly(IFactSink inner) : IFactSink
    {
        public void Add<TFact>(TFact fact)
            where TFact : class, IFact
        {
            if (fact is not EventFact e || e.Type == EventType.SessionStart)
            {
                inner.Add(fact);
            }
        }

        public void Complete() => inner.Complete();

        public void Dispose() => inner.Dispose();
    }
}
