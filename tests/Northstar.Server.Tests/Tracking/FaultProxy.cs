using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Northstar.Server.Tests.Tracking;

/// <summary>What <see cref="FaultProxy"/> does to the next requests.</summary>
internal enum ProxyMode
{
    /// <summary>Forward and answer what the server answered.</summary>
    Pass,

    /// <summary>Answer 500 without forwarding.</summary>
    Fail,

    /// <summary>Forward (the server stores the events), then answer 500 anyway.</summary>
    FailAfterForward,

    /// <summary>Close the connection without forwarding.</summary>
    Drop,

    /// <summary>Forward, then close the connection without an answer.</summary>
    DropAfterForward,
}

/// <summary>
/// An HTTP proxy on a loopback port between a tracking client and the server, that can answer
/// 500 or close the connection instead, before or after the server got the request: the faults
/// a client must retry through, without a test hook in the product. Counts what it did.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly int[] _counts = new int[Enum.GetValues<ProxyMode>().Length + 1];
    private volatile int _mode;

    private FaultProxy(WebApplication app, Uri upstream)
    {
        _app = app;
        _upstream = new HttpClient { BaseAddress = upstream };
    }

    public ProxyMode Mode
    {
        get => (ProxyMode)_mode;
        set => _mode = (int)value;
    }

    public Uri Address => NorthstarServer.Address(_app);

    /// <summary>Requests handled in each mode; <see cref="UpstreamDown"/> is the last slot.</summary>
    public int Count(ProxyMode mode) => Volatile.Read(ref _counts[(int)mode]);

    /// <summary>Requests answered 502 because the server was not there (restarting).</summary>
    public int UpstreamDown => Volatile.Read(ref _counts[^1]);

    public static async Task<FaultProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new FaultProxy(app, upstream);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        return proxy;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var mode = Mode;
        Interlocked.Increment(ref _counts[(int)mode]);
        switch (mode)
        {
            case ProxyMode.Fail:
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case ProxyMode.Drop:
                http.Abort();
                return;
            default:
                break;
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(http.Request.Path + http.Request.QueryString, UriKind.Relative))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", http.Request.ContentType);
        request.Headers.TryAddWithoutValidation("Authorization", http.Request.Headers.Authorization.ToString());
        HttpResponseMessage response;
        try
        {
            response = await _upstream.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _counts[^1]);
            http.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (response)
        {
            if (mode == ProxyMode.FailAfterForward)
            {
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            if (mode == ProxyMode.DropAfterForward)
            {
                http.Abort();
                return;
            }

            http.Response.StatusCode = (int)response.StatusCode;
            http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(http.Response.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
