using System.Net;
using System.Text;
using Northstar.Core.Facts;
using Northstar.Server.Tracking;

namespace Northstar.Server.Tests.Tracking;

/// <summary>Write keys on the tracking routes: how they are sent, unknown, revoked, another workspace's, rate limited; never a redirect.</summary>
public sealed class TrackingKeyTests
{
    [Theory]
    [InlineData("nope")]
    [InlineData(null)]
    public async Task Batch_UnknownOrMissingKey_Is401Problem(string? key)
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("m1")), key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(t.Events());
    }

    [Fact]
    public async Task Batch_KeyWithoutColonOrInBody_IsAccepted()
    {
        await using var t = await TrackingServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/track", UriKind.Relative))
        {
            Content = new StringContent(Calls.Track("no-colon").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = TrackingServer.Basic(TrackingServer.Key);

        using var noColon = await t.Client.SendAsync(request);
        var inBody = Calls.Track("in-body");
        inBody["writeKey"] = TrackingServer.Key;
        using var bodyKey = await t.PostAsync("/v1/track", inBody.ToJsonString(), key: null);

        Assert.Equal(HttpStatusCode.OK, noColon.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bodyKey.StatusCode);
        Assert.Equal(["in-body", "no-colon"], t.Events().Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Batch_KeyInBodyButNoBatchArray_Is400NotAMissingKey()
    {
        await using var t = await TrackingServer.StartAsync();
        var body = $"{{\"writeKey\": \"{TrackingServer.Key}\", \"events\": []}}";

        using var response = await t.PostAsync("/v1/batch", body, key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("A batch body needs a \"batch\" array.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Batch_RevokedKey_Is401()
    {
        await using var t = await TrackingServer.StartAsync();
        var revoked = t.Server.Accounts.CreateWriteKey(t.Workspace, "old", "wk_old");
        t.Server.Accounts.RevokeWriteKey(t.Workspace, revoked.Id);

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("m1")), "wk_old");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(t.Events());
    }

    [Fact]
    public async Task Batch_KeyOfAnotherWorkspace_WritesOnlyThere()
    {
        await using var t = await TrackingServer.StartAsync();
        var other = t.Server.Store.GetOrCreateWorkspace("globex");
        t.Server.Accounts.CreateWriteKey(other, "site", "wk_globex");

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("g1")), "wk_globex");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(t.Events());
        Assert.Equal("g1", Assert.Single(t.Server.Store.Read<EventFact>(other)).Id);
    }

    [Fact]
    public async Task Batch_OverRateLimit_Is429WithRetryAfter()
    {
        // The clock stands still: two tokens, no refill.
        await using var t = await TrackingServer.StartAsync(new TrackingOptions { RequestsPerSecondPerKey = 2 });

        using var first = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("r1")));
        using var second = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("r2")));
        using var third = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("r3")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), third.Headers.RetryAfter?.Delta);
        Assert.Equal(["r1", "r2"], t.Events().Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/v1/track")]
    [InlineData("/v1/identify")]
    [InlineData("/v1/page")]
    [InlineData("/v1/screen")]
    [InlineData("/v1/group")]
    [InlineData("/v1/alias")]
    [InlineData("/v1/batch")]
    public async Task EveryRoute_WithoutKeyOrWithACookieLessClient_NeverRedirects(string path)
    {
        await using var t = await TrackingServer.StartAsync();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = t.Server.Address };

        using var noKey = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.False((int)get.StatusCode is >= 300 and < 400, $"GET {path} answered {(int)get.StatusCode}");
    }
}
