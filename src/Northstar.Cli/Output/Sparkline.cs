namespace Northstar.Cli.Output;

/// <summary>A row of values drawn as Unicode block characters, scaled to the row's own min..max.</summary>
internal static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>One character per value; a missing value is a space. A flat row is all low blocks (zero) or all middle ones.</summary>
    public static string Render(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.OfType<double>().Where(double.IsFinite).ToList();
        if (present.Count == 0)
        {
            return new string(' ', values.Count);
        }

        var min = present.Min();
        var max = present.Max();
        var chars = new char[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            chars[i] = values[i] is { } v && double.IsFinite(v) ? Block(v, min, max) : ' ';
        }

        return new string(chars);
    }

    private static char Block(double value, double min, double max)
    {
        if (max == min)
        {
            return value == 0 ? Blocks[0] : Blocks[Blocks.Length / 2];
        }

        var step = (int)Math.Round((value - min) / (max - min) * (Blocks.Length - 1), MidpointRounding.AwayFromZero);
        return Blocks[Math.Clamp(step, 0, Blocks.Length - 1)];
    }
}
