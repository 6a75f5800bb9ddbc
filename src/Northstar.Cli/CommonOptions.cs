using System.CommandLine;
using Northstar.Cli.Output;

namespace Northstar.Cli;

/// <summary>Options every command understands.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// The store: a SQLite file, <c>postgres:CONNECTION STRING</c> or <c>clickhouse:CONNECTION STRING</c>.
    /// By default the environment's <c>Storage__Provider</c> and <c>ConnectionStrings__Northstar</c>
    /// (as the server's configuration names them), else <c>./northstar.db</c>.
    /// </summary>
    public static readonly Option<string> Db = new("--db")
    {
        Description = "The store: a SQLite file (northstar.db by default), postgres:CONNECTION-STRING or clickhouse:CONNECTION-STRING.",
        DefaultValueFactory = _ => FromEnvironment() ?? "northstar.db",
        Recursive = true,
    };

    private static string? FromEnvironment() =>
        Storage.StoreLocation.FromConfiguration(
            Environment.GetEnvironmentVariable("Storage__Provider"), Environment.GetEnvironmentVariable("ConnectionStrings__Northstar"))?.Text;

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
