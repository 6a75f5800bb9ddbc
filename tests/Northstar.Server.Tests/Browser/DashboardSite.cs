using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Northstar.Core.Accounts;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Dashboard;
using Northstar.Testing;

namespace Northstar.Server.Tests.Browser;

/// <summary>
/// One server over the dashboard store (<see cref="DashboardStore"/>) with a stopped clock, two
/// users (ada: admin of demo and tiny; bob: viewer of other) and a headless Debian Chromium,
/// shared by the browser tests. Screenshots go to <c>TestResults/screenshots/</c> under the test
/// assembly's directory.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    private readonly TempDirectory _dir = new();
    private IPlaywright? _playwright;

    public RunningServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string DbPath => _dir.File("dashboard.db");

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        DashboardStore.Write(DbPath);
        Server = await RunningServer.StartAsync(new ServerOptions { Store = DbPath, Port = 0, Time = new ManualClock(DashboardStore.Now) });
        var service = Server.App.Services.GetRequiredService<AccountService>();
        var ada = service.CreateUser("ada", Password);
        var bob = service.CreateUser("bob", Password);
        Server.Accounts.SetRole(ada.Id, Server.Store.FindWorkspace("demo")!, WorkspaceRole.Admin);
        Server.Accounts.SetRole(ada.Id, Server.Store.FindWorkspace("tiny")!, WorkspaceRole.Admin);
        Server.Accounts.SetRole(bob.Id, Server.Store.FindWorkspace("other")!, WorkspaceRole.Viewer);
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new browser context logged in as <paramref name="user"/> through the log-in form.</summary>
    public async Task<IPage> LogInAsync(string user)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.Address.ToString(), AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // Page loads wait up to 90 s, not Playwright's 30: in CI every test project runs at once on
        // two cores, and a log-in's redirect to a first page once took longer than 30 s there.
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=Name]", user);
        await page.FillAsync("input[name=Password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Saves a full-page screenshot as <c>TestResults/screenshots/{name}.png</c>.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        _dir.Dispose();
    }
}
