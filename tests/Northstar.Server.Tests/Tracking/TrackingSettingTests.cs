using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Server.Accounts;

namespace Northstar.Server.Tests.Tracking;

/// <summary><c>tracking_events</c> set through the JSON API (<c>PUT settings/tracking_events</c>, admin) and read by the tracking API.</summary>
public sealed class TrackingSettingTests
{
    [Fact]
    public async Task Track_AfterTheApiSetTheMapping_MapsByTheNewSetting()
    {
        await using var t = await TrackingServer.StartAsync();
        using var admin = Admin(t);

        using var before = await t.PostAsync("/v1/track", Calls.Track("t1", "Pizza Ordered").ToJsonString());
        using var put = await admin.PutAsJsonAsync(
            "/api/workspaces/acme/settings/tracking_events", new { value = "{\"Pizza Ordered\": \"meeting_booked\", \"Form Submitted\": \"custom\"}" });
        using var after = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("t2", "pizza ordered"), Calls.Track("t3", "Form Submitted"), Calls.Track("t4", "Email Opened")));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var events = t.Events().ToDictionary(e => e.Id, e => e.Type);
        Assert.Equal(EventType.Custom, events["t1"]); // before: no mapping for it
        Assert.Equal(EventType.MeetingBooked, events["t2"]); // names match ignoring case
        Assert.Equal(EventType.Custom, events["t3"]); // a default overridden
        Assert.Equal(EventType.EmailOpen, events["t4"]); // a default kept
    }

    [Theory]
    [InlineData("{\"Pizza Ordered\": \"pizza\"}", "'Pizza Ordered' maps to \"pizza\", not an event type")]
    [InlineData("{\"Pizza Ordered\": 3}", "'Pizza Ordered' maps to 3, not an event type")]
    [InlineData("[\"Pizza Ordered\"]", "expected a JSON object of track name to event type, not a JSON array")]
    [InlineData("{\" \": \"form_submit\"}", "an entry has an empty track name")]
    [InlineData("{\"Pizza Ordered\": ", "not valid JSON")]
    public async Task PutSetting_BadMapping_Is400NamingTheEntry_AndKeepsTheOldOne(string value, string expected)
    {
        await using var t = await TrackingServer.StartAsync();
        using var admin = Admin(t);
        using var good = await admin.PutAsJsonAsync("/api/workspaces/acme/settings/tracking_events", new { value = "{\"Pizza Ordered\": \"form_submit\"}" });

        using var bad = await admin.PutAsJsonAsync("/api/workspaces/acme/settings/tracking_events", new { value });
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
        var settings = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/workspaces/acme/settings", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal("value", problem.GetProperty("parameter").GetString());
        Assert.Contains("tracking_events: " + expected, problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Equal("{\"Pizza Ordered\": \"form_submit\"}", settings.GetProperty("tracking_events").GetString());
    }

    private static HttpClient Admin(TrackingServer t)
    {
        var service = t.Server.App.Services.GetRequiredService<AccountService>();
        var user = service.CreateUser("adam", "adam-password-long");
        t.Server.Accounts.SetRole(user.Id, t.Workspace, WorkspaceRole.Admin);
        var (_, secret) = service.CreateApiToken(user.Id, t.Workspace, "tests", WorkspaceRole.Admin);
        var client = t.Server.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
