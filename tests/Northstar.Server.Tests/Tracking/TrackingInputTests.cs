using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Northstar.Server.Tracking;

namespace Northstar.Server.Tests.Tracking;

/// <summary>The tracking API's answers to bad input, each case by itself, over real HTTP into a real SQLite file.</summary>
public sealed class TrackingInputTests
{
    [Fact]
    public async Task Batch_MalformedJson_Is400ProblemAndStoresNothing()
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/batch", "{\"batch\": [ {\"type\": \"track\", ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(t.Events());
    }

    [Fact]
    public async Task Batch_TenMegabyteBody_Is413()
    {
        await using var t = await TrackingServer.StartAsync();
        var big = Calls.Track("m1");
        big["properties"] = new JsonObject { ["blob"] = new string('x', 10 * 1024 * 1024) };

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(t.Events());
    }

    [Fact]
    public async Task Batch_GzipBomb_Is413WithoutInflatingItAll()
    {
        await using var t = await TrackingServer.StartAsync();
        // 20 MB of zeros behind a valid JSON start: about 20 KB on the wire.
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write("{\"batch\":[{\"type\":\"track\",\"event\":\""u8);
            var zeros = new byte[1024 * 1024];
            Array.Fill(zeros, (byte)'0');
            for (var i = 0; i < 20; i++)
            {
                gzip.Write(zeros);
            }
        }

        var content = new ByteArrayContent(packed.ToArray());
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await t.PostAsync("/v1/batch", content);

        Assert.True(packed.Length < 100_000, $"the bomb is {packed.Length} bytes packed");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Batch_GzipBody_IsInflatedAndStored()
    {
        await using var t = await TrackingServer.StartAsync();
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Calls.Batch(Calls.Track("g1"), Calls.Track("g2"))));
        }

        var content = new ByteArrayContent(packed.ToArray());
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await t.PostAsync("/v1/batch", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["g1", "g2"], t.Events().Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Batch_OversizeEventAmongGoodOnes_StoresNeighboursAndReportsIt()
    {
        await using var t = await TrackingServer.StartAsync();
        var big = Calls.Track("big");
        big["properties"] = new JsonObject { ["blob"] = new string('x', 33 * 1024) };

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("before"), big, Calls.Track("after")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Body(response);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("index").GetInt32());
        Assert.Equal("big", error.GetProperty("messageId").GetString());
        Assert.Contains("bytes", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["after", "before"], t.Events().Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Batch_2501Events_Is400AndStoresNothing()
    {
        await using var t = await TrackingServer.StartAsync();
        var calls = Enumerable.Range(0, 2501).Select(i => (JsonNode)new JsonObject { ["type"] = "track", ["event"] = "e", ["anonymousId"] = "a" }).ToArray();

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(calls));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2501", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(t.Events());
    }

    [Fact]
    public async Task Batch_2500Events_AreAllStored()
    {
        await using var t = await TrackingServer.StartAsync();
        var calls = Enumerable.Range(0, 2500).Select(i => (JsonNode)Calls.Track("m" + i)).ToArray();

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(calls));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2500, t.Events().Count);
    }

    [Fact]
    public async Task Batch_EventsWithoutIdsOrTrackName_AreRejectedOneByOne()
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(
            Calls.Track("ok"),
            Calls.Track("no-ids", anonymousId: null),
            Calls.Base("track", "no-name", "anon-2", null, null),
            Calls.Base("teleport", "bad-type", "anon-2", null, null)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await Body(response)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("messageId").GetString(), e.GetProperty("reason").GetString()))
            .ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal((1, "no-ids", "the event has neither userId nor anonymousId"), errors[0]);
        Assert.Equal((2, "no-name", "a track call needs an event name (\"event\")"), errors[1]);
        Assert.Equal(3, errors[2].Item1);
        Assert.Equal("ok", Assert.Single(t.Events()).Id);
    }

    [Fact]
    public async Task Track_WithoutEventName_Is400()
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/track", "{\"anonymousId\": \"a\", \"messageId\": \"x\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(t.Events());
    }

    [Fact]
    public async Task Batch_DuplicateMessageIds_AreStoredOnceInOneRequestAndAcrossTwo()
    {
        await using var t = await TrackingServer.StartAsync();
        var batch = Calls.Batch(Calls.Track("dup"), Calls.Track("dup"), Calls.Track("other"));

        using var first = await t.PostAsync("/v1/batch", batch);
        using var retry = await t.PostAsync("/v1/batch", batch);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(["dup", "other"], t.Events().Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Batch_WithoutMessageId_GetsAnIdFromItsContentSoARetryIsStoredOnce()
    {
        await using var t = await TrackingServer.StartAsync();
        var batch = Calls.Batch(Calls.Base("track", null, "anon-1", null, "2026-03-02T11:00:00Z").Also("event", "A"),
            Calls.Base("track", null, "anon-1", null, "2026-03-02T11:00:01Z").Also("event", "A"));

        using var first = await t.PostAsync("/v1/batch", batch);
        using var retry = await t.PostAsync("/v1/batch", batch);

        var events = t.Events();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.StartsWith("ns-", e.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batch_FarFutureTimestamp_IsKeptAndFlagged()
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(
            Calls.Track("future", timestamp: "2026-03-04T12:00:00Z"),
            Calls.Track("soon", timestamp: "2026-03-03T11:00:00Z"),
            Calls.Track("garbage", timestamp: "last tuesday")));

        var body = await Body(response);
        Assert.Equal(1, body.GetProperty("futureTimestamps").GetInt32());
        Assert.Equal(1, body.GetProperty("invalidTimestamps").GetInt32());
        var events = t.Events().ToDictionary(e => e.Id);
        Assert.Equal("future", events["future"].Properties.Get("clock"));
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero), events["future"].Timestamp);
        // 23 hours ahead is within the one-day tolerance: not flagged.
        Assert.Null(events["soon"].Properties.Get("clock"));
        Assert.Equal("invalid", events["garbage"].Properties.Get("clock"));
        Assert.Equal(TrackingServer.Now, events["garbage"].Timestamp);
    }

    [Fact]
    public async Task Batch_OwnClockPropertyWithAGoodTimestamp_IsNotCountedAsFlagged()
    {
        await using var t = await TrackingServer.StartAsync();

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(
            Calls.Track("own").Also("properties", new JsonObject { ["clock"] = "future" })));

        var body = await Body(response);
        Assert.Equal(0, body.GetProperty("futureTimestamps").GetInt32());
        Assert.Equal(0, body.GetProperty("invalidTimestamps").GetInt32());
        // The event's own property is stored as sent.
        Assert.Equal("future", Assert.Single(t.Events()).Properties.Get("clock"));
    }

    [Fact]
    public async Task Batch_ClientClockTwoHoursFast_IsCorrectedBySentAt()
    {
        await using var t = await TrackingServer.StartAsync();
        // The client's clock reads 14:00:05 when it sends at server time 12:00:00 (2 h 5 s fast);
        // its event at client time 13:30:00 happened at 13:30:00 - 2:00:05 = 11:29:55 server time.
        using var response = await t.PostAsync("/v1/batch", Calls.Batch("2026-03-02T14:00:05Z",
            Calls.Track("skewed", timestamp: "2026-03-02T13:30:00Z")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 29, 55, TimeSpan.Zero), Assert.Single(t.Events()).Timestamp);
    }

    [Fact]
    public async Task Batch_JournalBacklogFull_Is503WithRetryAfter()
    {
        // No room at all: every request that carries events finds the backlog full.
        await using var t = await TrackingServer.StartAsync(new TrackingOptions { MaxJournalBacklog = 0 });

        using var response = await t.PostAsync("/v1/batch", Calls.Batch(Calls.Track("b1")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Empty(t.Events());
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
