using Spectre.Console;

namespace Northstar.Cli.Output;

/// <summary>
/// Wide tables (a column per bucket) wrap badly at the 80 columns Spectre assumes for redirected
/// output; a file or a pipe has no width, so it gets room for the whole table.
/// </summary>
internal static class WideConsole
{
    private const int RedirectedWidth = 400;

    public static void Widen(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!console.Profile.Capabilities.Interactive && console.Profile.Width < RedirectedWidth)
        {
            console.Profile.Width = RedirectedWidth;
        }
    }
}
