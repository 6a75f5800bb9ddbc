using Northstar.Core.Workspaces;

namespace Northstar.Core.Import;

/// <summary>The log of a workspace's CSV imports, with their bad-row reports: what the dashboard's Data page and the API's <c>imports</c> list.</summary>
public interface IImportLog
{
    /// <summary>Records one import; returns its id.</summary>
    long RecordImport(Workspace workspace, ImportLogEntry entry);

    /// <summary>The workspace's imports, newest first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<ImportLogEntry> ListImports(Workspace workspace, int limit = 100);
}
