using Spectre.Console;

namespace Northstar.Cli;

/// <summary>Where a command writes: the console for tables and progress, plain writers for data and errors.</summary>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error);
