namespace Northstar.Bench;

/// <summary>The ClickHouse backend's import and query speed (being built: issue 7).</summary>
public static class ClickHouseBench
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.Error.WriteLine("not built yet");
        return 2;
    }
}
