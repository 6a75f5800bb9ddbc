namespace Northstar.Server.Accounts.Contracts;

/// <summary>The body of <c>POST .../tokens</c>: a name to tell it apart, and its role (default and at most the caller's own).</summary>
public sealed record TokenRequest(string? Name, string? Role);
