using Northstar.Core.Goals;
using Northstar.Core.Storage;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>
/// What every <see cref="IGoalStore"/> backend must do: keep each goal with every field, replace
/// by id, keep workspaces apart, delete by id. A backend's test project derives from this class.
/// </summary>
public abstract class GoalStoreContract : IDisposable
{
    private IFactStore? _store;

    /// <summary>A new, empty store that also keeps goals; called once per test.</summary>
    protected abstract IFactStore CreateStore();

    private IFactStore Store => _store ??= CreateStore();

    private IGoalStore Goals => Assert.IsAssignableFrom<IGoalStore>(Store);

    [Fact]
    public void SaveGoal_EveryField_ReadsBackTheSame()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var goal = Full("leads-2026");

        Goals.SaveGoal(acme, goal);

        AssertSame(goal, Goals.GetGoal(acme, "leads-2026"));
        AssertSame(goal, Assert.Single(Goals.ListGoals(acme)));
    }

    [Fact]
    public void SaveGoal_OptionalFieldsEmpty_ReadsBackEmpty()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var goal = new Goal("cac-q3", "cac", 1250.5, "2026-Q3");

        Goals.SaveGoal(acme, goal);

        AssertSame(goal, Goals.GetGoal(acme, "cac-q3"));
    }

    [Fact]
    public void SaveGoal_SameIdTwice_KeepsTheLatest()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        Goals.SaveGoal(acme, Full("leads-2026"));
        var changed = new Goal("leads-2026", "mqls", 300, "FY2027") { Owner = "bo" };

        Goals.SaveGoal(acme, changed);

        AssertSame(changed, Assert.Single(Goals.ListGoals(acme)));
    }

    [Fact]
    public void ListGoals_TwoWorkspaces_SeesOnlyItsOwn()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var other = Store.GetOrCreateWorkspace("other");
        Goals.SaveGoal(acme, Full("b-goal"));
        Goals.SaveGoal(acme, Full("a-goal"));
        Goals.SaveGoal(other, new Goal("a-goal", "sessions", 10_000, "2026"));

        Assert.Equal(["a-goal", "b-goal"], Goals.ListGoals(acme).Select(g => g.Id));
        Assert.Equal("sessions", Assert.Single(Goals.ListGoals(other)).Kpi);
        Assert.Equal("leads", Goals.GetGoal(acme, "a-goal")!.Kpi);
    }

    [Fact]
    public void DeleteGoal_KnownUnknownAndOtherWorkspace_RemovesOnlyThatOne()
    {
        var acme = Store.GetOrCreateWorkspace("acme");
        var other = Store.GetOrCreateWorkspace("other");
        Goals.SaveGoal(acme, Full("a-goal"));
        Goals.SaveGoal(acme, Full("b-goal"));
        Goals.SaveGoal(other, Full("a-goal"));

        Assert.True(Goals.DeleteGoal(acme, "a-goal"));
        Assert.False(Goals.DeleteGoal(acme, "a-goal"));
        Assert.False(Goals.DeleteGoal(acme, "no-such-goal"));

        Assert.Equal("b-goal", Assert.Single(Goals.ListGoals(acme)).Id);
        Assert.Null(Goals.GetGoal(acme, "a-goal"));
        Assert.NotNull(Goals.GetGoal(other, "a-goal"));
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store?.Dispose();
        }
    }

    private static Goal Full(string id) => new(id, "leads", 1200, "2026")
    {
        Owner = "ana",
        Description = "Leads from every channel, a tenth more than 2025",
        BusinessGoal = "Grow new revenue 30% (O'Brien's plan, \"FY26\")",
        ParentId = "revenue-2026",
        SubMetrics = ["visitor_to_lead_rate", "sessions"],
        MonthWeights = [1, 1, 1.5, 1, 1, 0.8, 0.6, 0.7, 1.2, 1.1, 1.0 / 3, 0.1],
    };

    private static void AssertSame(Goal expected, Goal? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            (expected.Id, expected.Kpi, expected.Target, expected.Period, expected.Owner, expected.Description, expected.BusinessGoal, expected.ParentId),
            (actual.Id, actual.Kpi, actual.Target, actual.Period, actual.Owner, actual.Description, actual.BusinessGoal, actual.ParentId));
        Assert.Equal(expected.SubMetrics, actual.SubMetrics);
        Assert.Equal(expected.MonthWeights, actual.MonthWeights);
    }
}
