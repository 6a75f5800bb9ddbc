using System.Text;

namespace Northstar.Cli.Output;

/// <summary>
/// A share as a bar of block characters for the console table (eighths of a cell, so small
/// differences show), padded to a fixed width so the column lines up whatever its alignment.
/// </summary>
internal static class AttributionBar
{
    public const int Width = 24;

    private static readonly char[] Eighths = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

    /// <summary>The bar of <paramref name="value"/> where <paramref name="max"/> fills the width (empty for 0 or less).</summary>
    public static string Of(double value, double max)
    {
        var eighths = max > 0 && value > 0 && double.IsFinite(value) ? (int)Math.Round(Math.Min(value / max, 1) * Width * 8) : 0;
        var bar = new StringBuilder(Width);
        bar.Append('█', eighths / 8);
        if (eighths % 8 != 0)
        {
            bar.Append(Eighths[eighths % 8]);
        }

        return bar.ToString().PadRight(Width);
    }
}
