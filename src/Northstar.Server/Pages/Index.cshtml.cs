using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Northstar.Core.Accounts;
using Northstar.Core.Storage;
using Northstar.Server.Hosting;

namespace Northstar.Server.Pages;

/// <summary><c>/</c>: a signed-in user goes to the overview of their first workspace (by name), anyone else to <c>/login</c>.</summary>
public sealed class IndexModel(IFactStore store, IAccountStore accounts) : PageModel
{
    public IActionResult OnGet()
    {
        if (NorthstarClaims.UserId(User) is not { } userId)
        {
            return Redirect("/login");
        }

        var ids = accounts.ListMemberships(userId).Select(m => m.Workspace.Id).ToHashSet();
        var first = store.ListWorkspaces().Where(w => ids.Contains(w.Id)).OrderBy(w => w.Name, StringComparer.Ordinal).FirstOrDefault();
        return first is null
            ? Content("You are not a member of any workspace yet: ask an admin to add you.", "text/plain")
            : Redirect("/w/" + Uri.EscapeDataString(first.Name));
    }
}
