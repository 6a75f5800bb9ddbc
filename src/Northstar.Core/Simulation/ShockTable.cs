using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>The stage and spend shocks of a run, looked up by stage or channel and date.</summary>
internal sealed class ShockTable(
    IReadOnlyList<StageShock> stageShocks, IReadOnlyList<SpendShock> spendShocks, IReadOnlyList<TrafficShock> trafficShocks)
{
    /// <summary>Product of the stage shocks in force for entering <paramref name="stage"/> decided at <paramref name="at"/>.</summary>
    public double Stage(Stage stage, string channel, DateTimeOffset at) =>
        stageShocks.Count == 0 ? 1.0 : Stage(stage, channel, DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>Product of the stage shocks in force for entering <paramref name="stage"/> decided on <paramref name="day"/>.</summary>
    public double Stage(Stage stage, string channel, DateOnly day)
    {
        var multiplier = 1.0;
        foreach (var shock in stageShocks)
        {
            if (shock.Stage == stage && day >= shock.From && (shock.Channel is null || shock.Channel == channel))
            {
                multiplier *= shock.Multiplier;
            }
        }

        return multiplier;
    }

    /// <summary>Product of the traffic shocks in force for a channel on a day.</summary>
    public double Traffic(string channel, DateOnly day)
    {
        var multiplier = 1.0;
        foreach (var shock in trafficShocks)
        {
            if ((shock.Channel is null || shock.Channel == channel) && day >= shock.From && (shock.Until is not { } until || day < until))
            {
                multiplier *= shock.Multiplier;
            }
        }

        return multiplier;
    }

    /// <summary>Product of the spend shocks in force for a channel on a day.</summary>
    public double Spend(string channel, DateOnly day)
    {
        var multiplier = 1.0;
        foreach (var shock in spendShocks)
        {
            if (shock.Channel == channel && day >= shock.From && (shock.Until is not { } until || day < until))
            {
                multiplier *= shock.Multiplier;
            }
        }

        return multiplier;
    }
}
