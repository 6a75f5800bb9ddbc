using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Northstar.Server.Accounts;

namespace Northstar.Server.Pages;

/// <summary><c>/logout</c>: POST (antiforgery-checked) ends the session and goes to the log-in page.</summary>
public sealed class LogoutModel(AccountService accounts) : PageModel
{
    public IActionResult OnGet() => Redirect("/login");

    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.SignOutAsync(HttpContext).ConfigureAwait(false);
        return Redirect("/login");
    }
}
