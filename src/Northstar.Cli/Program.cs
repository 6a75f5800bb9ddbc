using Northstar.Cli;
using Spectre.Console;

return NorthstarApp.Run(args, AnsiConsole.Console, Console.Out, Console.Error);
