using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage;

namespace Northstar.Cli;

/// <summary>Opens the store a command line names.</summary>
internal static class StoreAccess
{
    /// <summary>Opens the store <c>--db</c> names: a SQLite file, <c>postgres:...</c> or <c>clickhouse:...</c>.</summary>
    public static INorthstarStore Open(string db) => StoreLocation.Parse(db).Open();

    /// <summary>
    /// Whether the store may hold data already: a SQLite file that exists, or any database server
    /// (which the open itself checks). Commands that only read stop early when it does not.
    /// </summary>
    public static bool Exists(string db)
    {
        var location = StoreLocation.Parse(db);
        return location.Provider != StoreProvider.Sqlite || File.Exists(location.Target);
    }

    /// <summary>The named workspace, or null with an error printed when it does not exist.</summary>
    public static Workspace? Existing(IFactStore store, string name, CliContext context)
    {
        var workspace = store.FindWorkspace(name);
        if (workspace is null)
        {
            var known = string.Join(", ", store.ListWorkspaces().Select(w => w.Name));
            context.Error.WriteLine($"error: no workspace '{name}' in this database (workspaces: {(known.Length == 0 ? "none" : known)}).");
        }

        return workspace;
    }
}
