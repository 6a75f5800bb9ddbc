using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite;

namespace Northstar.Cli;

/// <summary>Opens the store a command line names.</summary>
internal static class StoreAccess
{
    public static IFactStore Open(string dbPath)
    {
        var full = Path.GetFullPath(dbPath);
        var dir = Path.GetDirectoryName(full);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        return SqliteFactStore.Open(full);
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
