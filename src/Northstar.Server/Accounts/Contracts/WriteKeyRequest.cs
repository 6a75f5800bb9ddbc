namespace Northstar.Server.Accounts.Contracts;

/// <summary>The body of <c>POST .../write-keys</c>: a name (e.g. "website").</summary>
public sealed record WriteKeyRequest(string? Name);
