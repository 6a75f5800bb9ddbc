namespace Northstar.Server;

/// <summary>How <see cref="NorthstarServer"/> runs: which store, which address.</summary>
public sealed record ServerOptions
{
    /// <summary>
    /// The store, as <see cref="Storage.StoreLocation.Parse"/> reads it: a SQLite file (created when
    /// missing), <c>postgres:CONNECTION STRING</c> or <c>clickhouse:CONNECTION STRING</c>. Null: the
    /// configuration's <c>Storage:Provider</c> and <c>ConnectionStrings:Northstar</c>.
    /// </summary>
    public string? Store { get; init; }

    /// <summary>
    /// Where the tracking journal of a server store (PostgreSQL, ClickHouse) is kept; the working
    /// directory when null. A SQLite store keeps it beside its file.
    /// </summary>
    public string? JournalDirectory { get; init; }

    /// <summary>The loopback or interface address to listen on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (tests), read back from <see cref="NorthstarServer.Address"/>.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>The clock for receive times, sessions and "today" (tests pass a fixed one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Log requests and framework messages at Information (default: warnings only).</summary>
    public bool Verbose { get; init; }

    /// <summary>Limits of the tracking API: body and event sizes, batch length, rate per write key.</summary>
    public Tracking.TrackingOptions Tracking { get; init; } = new();
}
