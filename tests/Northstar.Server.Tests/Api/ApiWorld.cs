using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Server.Accounts;
using Northstar.Testing.Builders;
using Northstar.Testing;

namespace Northstar.Server.Tests.Api;

/// <summary>
/// A running server over a real SQLite file with a tiny hand-built company in workspace "acme"
/// (day 1 = 2026-01-01; "today" is 2026-04-15, so last-quarter is 2026-Q1), small enough to
/// work every KPI out by hand:
/// <list type="bullet">
/// <item>Leads: c1 (day 5, Jan), c2 (day 20, Jan), c3 (day 40, Feb 9), c4 (day 70, Mar 11); c5 on 2025-12-12 (the quarter before).</item>
/// <item>Customers: c1 on day 50 (Feb 19), c2 on day 80 (Mar 21).</item>
/// <item>Sessions (first touch decides a contact's channel): c1 paid_search day 5, email day 30, organic_search day 45;
/// c2 email day 20; c3 paid_search day 40; c4 organic_search day 70; c5 paid_search 2025-12-12.</item>
/// <item>Spend in 2026-Q1: paid_search media 1,000 (day 10), email creative 500 (day 45), paid_search service 700 (day 60, not acquisition spend);
/// paid_search media 300 on 2025-12-12.</item>
/// </list>
/// Workspace "other" holds one lead of its own (o1, day 5). Users: edith (editor in acme),
/// vera (viewer in acme), adam (admin in acme), olga (viewer in other only); each has an API
/// token for that workspace with the same role.
/// </summary>
internal sealed class ApiWorld : ServerWorld
{
    /// <summary>The server's clock: 2026-04-15 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 15, 12, 0, 0, TimeSpan.Zero);

    private ApiWorld(TempDirectory dir, RunningServer server)
        : base(dir, server)
    {
        Acme = server.Store.GetOrCreateWorkspace("acme");
        Other = server.Store.GetOrCreateWorkspace("other");
    }

    public Workspace Acme { get; }

    public Workspace Other { get; }

    public IFactStore Store => Server.Store;

    /// <summary>JSON for request bodies: snake_case, as the API reads and answers.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<ApiWorld> StartAsync()
    {
        var (dir, server) = await StartServerAsync(new ManualClock(Now));
        var world = new ApiWorld(dir, server);
        world.WriteCompany();
        return world;
    }

    /// <summary>A client calling as <paramref name="user"/> with a fresh API token of <paramref name="role"/> in <paramref name="workspace"/> (the user is made a member with that role).</summary>
    public HttpClient As(string user, WorkspaceRole role, Workspace? workspace = null)
    {
        var ws = workspace ?? Acme;
        var service = Server.App.Services.GetRequiredService<AccountService>();
        var account = Server.Accounts.FindUser(user) ?? service.CreateUser(user, user + "-password-long");
        Server.Accounts.SetRole(account.Id, ws, role);
        var (_, secret) = service.CreateApiToken(account.Id, ws, "tests", role);
        var client = Server.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return Keep(client);
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous()
    {
        return Keep(Server.Client());
    }

    /// <summary>The path of a route in the workspace, e.g. <c>Path("kpis/leads")</c>.</summary>
    public static Uri Path(string route, string workspace = "acme") => new($"/api/workspaces/{workspace}/{route}", UriKind.Relative);

    /// <summary>GET, asserting 200, returning the parsed JSON.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string route, string workspace = "acme")
    {
        using var response = await client.GetAsync(Path(route, workspace));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {route}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Sends and returns the status and the parsed body (problem details or JSON; default when empty).</summary>
    public static async Task<(int Status, JsonElement Body, string? MediaType)> SendAsync(HttpClient client, HttpMethod method, string route, object? body = null)
    {
        using var request = new HttpRequestMessage(method, Path(route));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, json, response.Content.Headers.ContentType?.MediaType);
    }

    private void WriteCompany()
    {
        var dec12 = new DateTimeOffset(2025, 12, 12, 10, 0, 0, TimeSpan.Zero);
        Write(Acme,
            [
                Session("e1", "c1", "paid_search", BuilderTime.At(5, 9)),
                Session("e2", "c2", "email", BuilderTime.At(20, 9)),
                Session("e3", "c3", "paid_search", BuilderTime.At(40, 9)),
                Session("e4", "c4", "organic_search", BuilderTime.At(70, 9)),
                Session("e5", "c5", "paid_search", dec12),
                Session("e6", "c1", "email", BuilderTime.At(30, 9)),
                Session("e7", "c1", "organic_search", BuilderTime.At(45, 9)),
            ],
            [
                Lead("c1", BuilderTime.At(5, 10)), Lead("c2", BuilderTime.At(20, 10)), Lead("c3", BuilderTime.At(40, 10)),
                Lead("c4", BuilderTime.At(70, 10)), Lead("c5", dec12.AddHours(1)),
                new StageChangeBuilder("c1").Stage(Stage.Customer).EnteredAt(50, 9).Build(),
                new StageChangeBuilder("c2").Stage(Stage.Customer).EnteredAt(80, 9).Build(),
            ],
            [
                new SpendBuilder("paid_search").On(10).Amount(1000m).Build(),
                new SpendBuilder("email").On(45).Kind(SpendKind.Creative).Amount(500m).Build(),
                new SpendBuilder("paid_search").On(60).Kind(SpendKind.Service).Amount(700m).Build(),
                new SpendBuilder("paid_search").Amount(300m).Build() with { Date = new DateOnly(2025, 12, 12) },
            ]);
        Write(Other, [Session("o-e1", "o1", "email", BuilderTime.At(5, 9))], [Lead("o1", BuilderTime.At(5, 10))], []);
    }

    private void Write(Workspace workspace, EventFact[] events, StageChange[] stages, Spend[] spend)
    {
        var conflicts = new List<int>();
        using var session = Store.BeginWrite(workspace);
        session.Write<EventFact>(events, conflicts);
        session.Write<StageChange>(stages, conflicts);
        session.Write<Spend>(spend, conflicts);
        session.Commit();
        Assert.Empty(conflicts);
    }

    private static EventFact Session(string id, string contact, string channel, DateTimeOffset at) =>
        new EventBuilder(id).SessionStart().Contact(contact).Channel(channel).At(at).Build();

    private static StageChange Lead(string contact, DateTimeOffset at) => new StageChangeBuilder(contact).EnteredAt(at).Build();
}
