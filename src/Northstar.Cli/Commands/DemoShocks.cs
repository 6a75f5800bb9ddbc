using Northstar.Core.Diagnostics;
using Northstar.Core.Simulation;

namespace Northstar.Cli.Commands;

/// <summary>The <c>--break</c> and <c>--traffic</c> values of <c>northstar demo</c>, read into the simulator's shocks.</summary>
internal static class DemoShocks
{
    public static bool TryRead(
        IReadOnlyList<string> breaks, IReadOnlyList<string> traffic,
        out IReadOnlyList<StageShock> stageShocks, out IReadOnlyList<TrafficShock> trafficShocks, out string? error)
    {
        var stages = new List<StageShock>();
        var visitors = new List<TrafficShock>();
        (stageShocks, trafficShocks, error) = (stages, visitors, null);
        foreach (var text in breaks)
        {
            if (!SimulatorBreaks.TryParseStage(text, out var shock, out var problem))
            {
                error = $"--break {problem}";
                return false;
            }

            stages.Add(shock!);
        }

        foreach (var text in traffic)
        {
            if (!SimulatorBreaks.TryParseTraffic(text, out var shock, out var problem))
            {
                error = $"--traffic {problem}";
                return false;
            }

            visitors.Add(shock!);
        }

        return true;
    }
}
