using System.Globalization;

namespace Northstar.Core.Goals;

/// <summary>What a parent goal's notes say about its sub-goals.</summary>
internal static class GoalRollUp
{
    public static IEnumerable<string> Notes(GoalPacing parent, IReadOnlyList<GoalPacing> subGoals)
    {
        foreach (var status in new[] { PacingStatus.OffTrack, PacingStatus.AtRisk })
        {
            var these = subGoals.Where(s => s.Status == status).Select(s => s.Goal.Id).ToList();
            if (these.Count > 0)
            {
                var word = status == PacingStatus.OffTrack ? "off track" : "at risk";
                yield return $"{these.Count} of {subGoals.Count} sub-goals {word}: {string.Join(", ", these)}";
            }
        }

        // Sub-goals on the parent's own additive KPI split its target (by channel, by quarter): their targets should add up to it.
        var same = subGoals.Where(s => s.Goal.Kpi == parent.Goal.Kpi).ToList();
        if (parent.ProRated && same.Count > 0)
        {
            var sum = same.Sum(s => s.Goal.Target);
            if (Math.Abs(sum - parent.Goal.Target) > 1e-9 * parent.Goal.Target)
            {
                yield return $"the targets of the sub-goals on {parent.Goal.Kpi} add up to {Number(sum)}, not the parent's {Number(parent.Goal.Target)}";
            }
        }
    }

    private static string Number(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);
}
