using Northstar.Core.Alerts;
using Northstar.Core.Metrics;

namespace Northstar.Core.Tests.Alerts;

public class DailyOutliersTests
{
    private static readonly KpiDefinition Sessions = new("sessions", "Sessions", KpiUnit.Count, KpiDirection.UpIsGood, "visits", []);

    // Thursdays 2026-01-01 .. 2026-02-19 (8 weeks), then the Thursday judged, 2026-02-26.
    private static readonly DateOnly FirstThursday = new(2026, 1, 1);
    private static readonly DateOnly Judged = new(2026, 2, 26);
    private static readonly double[] Thursdays = [100, 104, 98, 110, 102, 96, 120, 100];

    // The median/MAD arithmetic alone (these small histories are tighter than Poisson noise would allow).
    private static readonly OutlierOptions MadOnly = new() { CountNoiseFloor = false };

    [Fact]
    public void RobustZ_EightThursdays_MatchesMedianAndMadByHand()
    {
        // Sorted: 96 98 100 100 102 104 110 120 -> median (100 + 102) / 2 = 101.
        // |x - 101|: 1 3 3 9 1 5 19 1 -> sorted 1 1 1 3 3 5 9 19 -> MAD (3 + 3) / 2 = 3; scale 1.4826 * 3 = 4.4478.
        var z = DailyOutliers.RobustZ(130, Thursdays);

        Assert.Equal(101, DailyOutliers.Median(Thursdays));
        Assert.Equal((130 - 101) / 4.4478, z, precision: 9);
    }

    [Fact]
    public void Detect_SpikeOnAThursday_AlertsWithWhy()
    {
        var series = Weekly(Thursdays.Append(130).ToArray());

        var scan = DailyOutliers.Detect(Sessions, series, Week(Judged), MadOnly);

        var alert = Assert.Single(scan.Alerts);
        Assert.Equal(Judged, alert.Day);
        Assert.Equal(29 / 4.4478, alert.Score!.Value, precision: 9); // 6.52
        Assert.Equal(101, alert.Reference);
        Assert.Equal(AlertSeverity.Info, alert.Severity); // more sessions is good news, still news
        Assert.Equal("2026-02-26: 130 sessions, 6.5 robust SD above the median of the previous 8 Thursdays (101)", alert.Why);
    }

    [Fact]
    public void Detect_OrdinaryThursday_NoAlert()
    {
        // (112 - 101) / 4.4478 = 2.47 < 3.5.
        var scan = DailyOutliers.Detect(Sessions, Weekly(Thursdays.Append(112).ToArray()), Week(Judged), MadOnly);

        Assert.Empty(scan.Alerts);
        Assert.Empty(scan.Notes);
    }

    [Fact]
    public void Detect_DropInAnUpIsGoodKpi_IsAWarning()
    {
        // (70 - 101) / 4.4478 = -6.97.
        var scan = DailyOutliers.Detect(Sessions, Weekly(Thursdays.Append(70).ToArray()), Week(Judged), MadOnly);

        var alert = Assert.Single(scan.Alerts);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(-31 / 4.4478, alert.Score!.Value, precision: 9);
    }

    [Fact]
    public void Detect_QuietWeekendsEveryWeek_NoAlert()
    {
        // Arrange: nine weeks, weekdays about 100, weekends about 20, the same every week give or take a few.
        var series = new List<DayValue>();
        for (var d = 0; d < 63; d++)
        {
            var day = FirstThursday.AddDays(d);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            series.Add(new DayValue(day, (weekend ? 20 : 100) + (d % 5) - 2));
        }

        var lastWeek = new DateRange(FirstThursday.AddDays(56), FirstThursday.AddDays(63));
        var saturday = series.Last(v => v.Day.DayOfWeek == DayOfWeek.Saturday);
        var everyDayBefore = series.Where(v => v.Day < saturday.Day && v.Day >= saturday.Day.AddDays(-56)).Select(v => v.Value!.Value).ToList();

        // Act
        var scan = DailyOutliers.Detect(Sessions, series, lastWeek, MadOnly);

        // Assert: against all the days before, a Saturday would be far out; against past Saturdays it is not.
        Assert.True(Math.Abs(DailyOutliers.RobustZ(saturday.Value!.Value, everyDayBefore)) > 3.5);
        Assert.Empty(scan.Alerts);
    }

    [Fact]
    public void Detect_OnlyThreeWeeksOfHistory_SkipsAndSaysSo()
    {
        var series = Weekly([100, 104, 98, 400]);
        var judged = FirstThursday.AddDays(21);

        var scan = DailyOutliers.Detect(Sessions, series, Week(judged), MadOnly);

        Assert.Empty(scan.Alerts);
        Assert.Equal(
            ["sessions: 1 day(s) between 2026-01-22 and 2026-01-22 not judged: fewer than 6 of the previous 8 same weekdays have a value."],
            scan.Notes);
    }

    [Fact]
    public void Detect_MadZero_FallsBackToMeanAbsoluteDeviation()
    {
        // History 100 x7 and 110: median 100, MAD 0; mean |x - 100| = 10 / 8 = 1.25, scale 1.2533 * 1.25 = 1.5666.
        // 106: (106 - 100) / 1.5666 = 3.83 -> outlier.
        var series = Weekly([100, 100, 100, 110, 100, 100, 100, 100, 106]);

        var alert = Assert.Single(DailyOutliers.Detect(Sessions, series, Week(Judged), MadOnly).Alerts);

        Assert.Equal(6 / (1.2533 * 1.25), alert.Score!.Value, precision: 9);
    }

    [Fact]
    public void Detect_FlatHistoryAndADifferentDay_IsAnOutlierAgainstEveryDay()
    {
        var series = Weekly([50, 50, 50, 50, 50, 50, 50, 50, 0]);

        var alert = Assert.Single(DailyOutliers.Detect(Sessions, series, Week(Judged), MadOnly).Alerts);

        Assert.Equal(double.NegativeInfinity, alert.Score);
        Assert.Equal("2026-02-26: 0 sessions, below every one of the previous 8 Thursdays (50)", alert.Why);
    }

    [Fact]
    public void Detect_ZerosBeforeTheDataBegan_AreNoHistory()
    {
        // Eight Thursdays of 0 (before the first session ever), then 40: not "above every previous Thursday".
        var series = Weekly([0, 0, 0, 0, 0, 0, 0, 0, 40]);

        var scan = DailyOutliers.Detect(Sessions, series, Week(Judged), MadOnly);

        Assert.Empty(scan.Alerts);
        Assert.Single(scan.Notes);
    }

    [Fact]
    public void Detect_AcronymKpi_KeepsItsCapitals()
    {
        var mqls = new KpiDefinition("mqls", "MQLs", KpiUnit.Count, KpiDirection.UpIsGood, "contacts entering MQL", []);

        var alert = Assert.Single(DailyOutliers.Detect(mqls, Weekly(Thursdays.Append(130).ToArray()), Week(Judged), MadOnly).Alerts);

        Assert.StartsWith("2026-02-26: 130 MQLs, 6.5 robust SD above", alert.Why, StringComparison.Ordinal);
    }

    private static List<DayValue> Weekly(double[] thursdays) =>
        [.. thursdays.Select((v, i) => new DayValue(FirstThursday.AddDays(7 * i), v))];

    private static DateRange Week(DateOnly start) => new(start, start.AddDays(7));

    [Fact]
    public void Detect_ACountAgainstItsPoissonNoise_NoAlertForChance()
    {
        // Eight Thursdays of 0 SQLs after the data began (a Thursday of 1 before them), then 1: MAD and mean deviation 0,
        // so against the history alone it is "above every one"; the count floor sqrt(max(0, 1)) = 1 gives z = 1.
        var sqls = new KpiDefinition("sqls", "SQLs", KpiUnit.Count, KpiDirection.UpIsGood, "contacts entering SQL", []);
        var series = Weekly([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        var judged = FirstThursday.AddDays(63);

        Assert.Empty(DailyOutliers.Detect(sqls, series, Week(judged)).Alerts);
        Assert.Single(DailyOutliers.Detect(sqls, series, Week(judged), MadOnly).Alerts);
    }

    [Fact]
    public void Detect_SessionsSpikeBeyondPoissonNoise_StillAlerts()
    {
        // Median 101, MAD scale 4.4478 < sqrt(101) = 10.05: the floor rules. 130: 29 / 10.05 = 2.89 (chance);
        // 140: 39 / 10.05 = 3.88 (an outlier).
        Assert.Empty(DailyOutliers.Detect(Sessions, Weekly(Thursdays.Append(130).ToArray()), Week(Judged)).Alerts);

        var alert = Assert.Single(DailyOutliers.Detect(Sessions, Weekly(Thursdays.Append(140).ToArray()), Week(Judged)).Alerts);
        Assert.Equal(39 / Math.Sqrt(101), alert.Score!.Value, precision: 9);
    }
}
