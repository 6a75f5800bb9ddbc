using Northstar.Core.Facts;
using Northstar.Core.Simulation;

namespace Northstar.Core.Tests.Simulation;

public class DemoCompanyTruthTests(SimulationRun run) : IClassFixture<SimulationRun>
{
    private const double StandardErrors = 4;

    [Fact]
    public void Run_StageRatesMeasuredPerChannel_MatchGroundTruth()
    {
        var truth = run.Result.Truth;
        var cutoff = EndOf(truth).AddDays(-truth.MaxFunnelDays);
        var byChannel = FunnelCounts.HighestStageByChannel(run.Sink, cutoff);
        var failures = new List<string>();
        var checks = 0;
        foreach (var channel in truth.Channels)
        {
            var highest = byChannel[channel.Channel];
            Assert.DoesNotContain(-1, highest); // every contact has its lead row
            for (var from = 0; from < 7; from++)
            {
                var p = channel.StageRates[SnakeCaseNames<Stage>.Name((Stage)(from + 1))];
                var (n, x) = FunnelCounts.Transition(highest, from);
                if (n == 0)
                {
                    continue;
                }

                checks++;
                if (!FunnelCounts.WithinStandardErrors(x, n, p, StandardErrors))
                {
                    failures.Add($"{channel.Channel} {(Stage)from}->{(Stage)(from + 1)}: {x}/{n} vs {p}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(checks >= 80, $"only {checks} of 84 rates had contacts to measure");
    }

    [Fact]
    public void Run_StageRatesPooledOverChannels_MatchGroundTruth()
    {
        var truth = run.Result.Truth;
        var byChannel = FunnelCounts.HighestStageByChannel(run.Sink, EndOf(truth).AddDays(-truth.MaxFunnelDays));

        for (var from = 0; from < 7; from++)
        {
            // Sum over channels of successes and of their expectations and variances under the true rates.
            var stage = SnakeCaseNames<Stage>.Name((Stage)(from + 1));
            double converted = 0, expected = 0, variance = 0;
            foreach (var channel in truth.Channels)
            {
                var (n, x) = FunnelCounts.Transition(byChannel[channel.Channel], from);
                var p = channel.StageRates[stage];
                converted += x;
                expected += n * p;
                variance += n * p * (1 - p);
            }

            Assert.True(Math.Abs(converted - expected) <= StandardErrors * Math.Sqrt(variance),
                $"{stage}: {converted} entered, {expected:F1} expected");
        }
    }

    [Fact]
    public void Run_AbTestRatesMeasuredPerVariant_MatchGroundTruth()
    {
        var ab = run.Result.Truth.AbTest;
        var sessions = run.Sink.Events.Where(e => e.Type == EventType.SessionStart && e.LandingPage == ab.LandingPage)
            .GroupBy(e => e.Variant!).ToDictionary(g => g.Key, g => g.Count());
        var submits = run.Sink.Events.Where(e => e.Type == EventType.FormSubmit && e.Variant is not null)
            .GroupBy(e => e.Variant!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(0.04, ab.RateA, precision: 10);
        Assert.Equal(0.04 * 1.25, ab.RateB, precision: 10);
        Assert.True(sessions["A"] > 3_000 && sessions["B"] > 3_000, "too few A/B sessions to test anything");
        Assert.True(FunnelCounts.WithinStandardErrors(submits["A"], sessions["A"], ab.RateA, StandardErrors), $"A {submits["A"]}/{sessions["A"]}");
        Assert.True(FunnelCounts.WithinStandardErrors(submits["B"], sessions["B"], ab.RateB, StandardErrors), $"B {submits["B"]}/{sessions["B"]}");
    }

    [Fact]
    public void Run_SpendRowClicks_EqualAdClickEventsPerChannel()
    {
        var clicksInSpend = run.Sink.Spend.Where(s => s.Clicks is not null).GroupBy(s => s.Channel)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Clicks!.Value));
        var clickEvents = run.Sink.Events.Where(e => e.Type == EventType.AdClick).GroupBy(e => e.Channel!)
            .ToDictionary(g => g.Key, g => (long)g.Count());

        Assert.Equal(["affiliates", "display", "paid_search", "paid_social", "paid_video"], clicksInSpend.Keys.Order());
        Assert.Equal(clickEvents.OrderBy(p => p.Key), clicksInSpend.OrderBy(p => p.Key));
    }

    [Fact]
    public void Validate_UnknownShockChannel_Throws()
    {
        var options = new SimulationOptions { SpendShocks = [new SpendShock(new DateOnly(2025, 1, 1), "tiktok", 2)] };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("'tiktok' is not a demo channel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FirstMqlSalesTouches_MeetSlaAtTrueRate()
    {
        var mqlAt = run.Sink.Stages.Where(s => s.Stage == Stage.Mql).ToDictionary(s => s.ContactId, s => s.EnteredAt);
        var cutoff = EndOf(run.Result.Truth).AddDays(-10);
        var firstTouch = run.Sink.Activities
            .Where(a => a.Kind is ActivityKind.SalesCall or ActivityKind.SalesEmail && mqlAt.ContainsKey(a.ContactId!))
            .GroupBy(a => a.ContactId!).ToDictionary(g => g.Key, g => g.Min(a => a.Timestamp));
        var worked = mqlAt.Where(p => p.Value < cutoff).ToList();

        var withinSla = worked.Count(p => firstTouch[p.Key] - p.Value <= TimeSpan.FromHours(24));

        Assert.True(FunnelCounts.WithinStandardErrors(withinSla, worked.Count, run.Result.Truth.SlaCompliance, StandardErrors),
            $"{withinSla}/{worked.Count}");
    }

    [Fact]
    public void Run_ContactsOption_CreatesThatManyContactsWithinFivePercent()
    {
        var written = run.Sink.Contacts.Count;

        Assert.Equal(written, run.Result.Counts[FactKind.Contacts]);
        Assert.InRange(written, 6_000 * 0.95, 6_000 * 1.05);
    }

    [Fact]
    public void Run_EveryFormSubmit_LinksAnonymousIdToContactAfterEarlierSessions()
    {
        var firstSession = run.Sink.Events.Where(e => e.Type == EventType.SessionStart && e.AnonymousId is not null)
            .GroupBy(e => e.AnonymousId!).ToDictionary(g => g.Key, g => g.Min(e => e.Timestamp));
        var contacts = run.Sink.Contacts.ToDictionary(c => c.ContactId);
        var submits = run.Sink.Events.Where(e => e.Type == EventType.FormSubmit).ToList();

        Assert.Equal(contacts.Count, submits.Count);
        Assert.All(submits, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.AnonymousId));
            Assert.False(string.IsNullOrEmpty(e.ContactId));
            Assert.True(firstSession[e.AnonymousId!] <= e.Timestamp, $"{e.Id}: no earlier session");
            Assert.Equal(e.Timestamp, contacts[e.ContactId!].CreatedAt);
        });
    }

    [Fact]
    public void Run_StageRows_NeverEnterAStageBeforeAnEarlierOne()
    {
        var skippedSomewhere = false;
        foreach (var contact in run.Sink.Stages.GroupBy(s => s.ContactId))
        {
            var rows = contact.OrderBy(s => s.Stage).ToList();
            Assert.Equal(Stage.Lead, rows[0].Stage);
            Assert.Equal(rows.Count, rows.Select(r => r.Stage).Distinct().Count());
            for (var i = 1; i < rows.Count; i++)
            {
                Assert.True(rows[i].EnteredAt >= rows[i - 1].EnteredAt, $"{contact.Key} enters {rows[i].Stage} before {rows[i - 1].Stage}");
                skippedSomewhere |= rows[i].Stage - rows[i - 1].Stage > 1;
            }

            Assert.True(rows[^1].Stage != Stage.Churned || rows[^2].Stage == Stage.Customer);
        }

        Assert.True(skippedSomewhere, "the simulator should skip a stage now and then");
    }

    [Fact]
    public void Run_EveryFact_LiesInsideTheSimulatedPeriod()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = EndOf(run.Result.Truth);

        Assert.All(run.Sink.Events, e => Assert.InRange(e.Timestamp, start, end.AddTicks(-1)));
        Assert.All(run.Sink.Stages, s => Assert.InRange(s.EnteredAt, start, end.AddTicks(-1)));
        Assert.All(run.Sink.Deals, d => Assert.True(d.ClosedAt is null || d.ClosedAt < end));
    }

    private static DateTimeOffset EndOf(GroundTruth truth) => new(truth.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
