namespace Northstar.Bench;

/// <summary>PLACEHOLDER, replaced by its owner.</summary>
internal static class SimulatorBench
{
    public static int Run(string[] args) => args.Length >= 0 ? 1 : 0;
}
