using Northstar.Cli;
using Spectre.Console;

// Redirected output (a file, a pipe, a test) gets plain text: no colour codes, no live widgets.
var console = Console.IsOutputRedirected
    ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No })
    : AnsiConsole.Console;
return NorthstarApp.Run(args, console, Console.Out, Console.Error);
