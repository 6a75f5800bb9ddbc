using System.CommandLine;
using Northstar.Cli.Output;

namespace Northstar.Cli;

/// <summary>Options every command understands.</summary>
internal static class CommonOptions
{
    /// <summary>The store file; <c>./northstar.db</c> by default.</summary>
    public static readonly Option<string> Db = new("--db")
    {
        Description = "The Northstar database file (SQLite).",
        DefaultValueFactory = _ => "northstar.db",
        Recursive = true,
    };

    /// <summary>The workspace to read and write; <c>default</c> by default.</summary>
    public static readonly Option<string> Workspace = new("--workspace")
    {
        Description = "The workspace (data of one workspace is never visible from another).",
        DefaultValueFactory = _ => Core.Workspaces.Workspace.DefaultName,
        Recursive = true,
    };

    /// <summary>A new <c>--format</c> option for a command that prints a table.</summary>
    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "table (default) or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };
}
