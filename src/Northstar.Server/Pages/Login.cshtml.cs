using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Northstar.Server.Accounts;

namespace Northstar.Server.Pages;

/// <summary><c>/login</c>: name and password (antiforgery-checked POST); back to the page asked for, or <c>/</c>.</summary>
public sealed class LoginModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await accounts.TrySignInAsync(HttpContext, Name ?? "", Password ?? "").ConfigureAwait(false);
        if (outcome == LoginOutcome.SignedIn)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Error = outcome == LoginOutcome.Throttled ? "Too many failed attempts: wait a minute and try again." : "Wrong user name or password.";
        Response.StatusCode = 401;
        return Page();
    }
}
