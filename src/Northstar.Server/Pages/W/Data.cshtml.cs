using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Import;
using Northstar.Server.Accounts;
using Northstar.Server.Pages.Dashboard;

namespace Northstar.Server.Pages.W;

/// <summary>
/// <c>/w/{workspace}/data</c>: the workspace's facts by kind, its write keys (an admin creates and
/// revokes them; a key is shown whole to admins only), and the tracking snippet and a curl
/// example for this server's address.
/// </summary>
public sealed class DataModel : WorkspacePageModel
{
    /// <summary><c>?import=id</c>: whose bad rows to list (default: the newest import with any).</summary>
    [FromQuery(Name = "import")]
    public long? ImportId { get; set; }

    [BindProperty]
    public string? KeyName { get; set; }

    [BindProperty]
    public long RevokeId { get; set; }

    public override string Tab => "data";

    public IReadOnlyList<WriteKey> Keys { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>This server's address as the browser reached it, e.g. http://127.0.0.1:5080.</summary>
    public string ServerAddress => $"{Request.Scheme}://{Request.Host}";

    /// <summary>The key the snippet shows: the newest live key to an admin, a placeholder to others.</summary>
    public string SnippetKey => IsAdmin && Keys.FirstOrDefault(k => k.RevokedAt is null) is { } key ? key.Key : "YOUR_WRITE_KEY";

    protected override void Load()
    {
        var services = HttpContext.RequestServices;
        var store = services.GetRequiredService<Core.Storage.IFactStore>();
        var summary = store.Summarize(Workspace);
        Tables.Add(new DashTable("facts", "Facts", ["kind", "count", "first", "last"], [.. summary.Kinds.Select(k => (IReadOnlyList<DashCell>)
            [k.Kind.ToString(), Fmt.Cell(k.Count), Fmt.Time(k.First), Fmt.Time(k.Last)])]));
        Imports(store as IImportLog);
        Keys = [.. services.GetRequiredService<IAccountStore>().ListWriteKeys(Workspace).OrderByDescending(k => k.CreatedAt)];
        Tables.Add(new DashTable("write-keys", "Write keys", ["name", "key", "created", "revoked"], [.. Keys.Select(k => (IReadOnlyList<DashCell>)
            [k.Name, IsAdmin ? k.Key : Mask(k.Key), Fmt.Time(k.CreatedAt), Fmt.Time(k.RevokedAt)])])
        {
            Caption = "A write key can only send events into this workspace (the tracking API, /v1/*).",
        });
    }

    /// <summary>Creates a write key (admin).</summary>
    public IActionResult OnPostCreateKey()
    {
        if (!IsAdmin)
        {
            return Forbidden("admin");
        }

        var name = string.IsNullOrWhiteSpace(KeyName) ? "website" : KeyName.Trim();
        var key = HttpContext.RequestServices.GetRequiredService<AccountService>().CreateWriteKey(Workspace, name);
        Message = $"Created write key '{key.Name}'.";
        Load();
        return Page();
    }

    /// <summary>Revokes a write key of this workspace (admin).</summary>
    public IActionResult OnPostRevokeKey()
    {
        if (!IsAdmin)
        {
            return Forbidden("admin");
        }

        var revoked = HttpContext.RequestServices.GetRequiredService<IAccountStore>().RevokeWriteKey(Workspace, RevokeId);
        Message = revoked ? "Revoked the write key." : "No such write key in this workspace.";
        Load();
        return Page();
    }

    private void Imports(IImportLog? log)
    {
        var imports = log?.ListImports(Workspace) ?? [];
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Tables.Add(new DashTable("imports", "Imports", ["id", "kind", "file", "by", "finished", "rows read", "imported", "rejected", "outcome"], [.. imports.Select(i => (IReadOnlyList<DashCell>)
            [i.Id.ToString(inv), i.Kind, i.FileName, i.UserName ?? "", Fmt.Time(i.FinishedAt), Fmt.Cell(i.RowsRead), Fmt.Cell(i.RowsImported), Fmt.Cell(i.RowsRejected), i.Outcome])])
        {
            Caption = log is null ? "This store keeps no import log." : "CSV imports (northstar import, or POST /api/workspaces/{workspace}/imports), newest first.",
        });
        var chosen = imports.FirstOrDefault(i => i.Id == ImportId) ?? imports.FirstOrDefault(i => i.Errors.Count > 0);
        if (chosen is not null)
        {
            Tables.Add(new DashTable("bad-rows", $"Bad rows of import {chosen.Id} ({chosen.FileName})", ["file", "line", "column", "reason"], [.. chosen.Errors.Select(e => (IReadOnlyList<DashCell>)
                [e.File, e.Line.ToString(inv), e.Column ?? "", e.Reason])])
            {
                Caption = chosen.ErrorCount > chosen.Errors.Count ? $"The first {chosen.Errors.Count:N0} of {chosen.ErrorCount:N0} problems." : null,
            });
        }
    }

    private static string Mask(string key) => key.Length <= 6 ? "******" : key[..6] + new string('*', 10);
}
