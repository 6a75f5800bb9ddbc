namespace Northstar.Server.Accounts.Contracts;

/// <summary>
/// The body of <c>POST .../users</c>: adds the user to the workspace with the role (creating
/// the user when new: with <see cref="Password"/>, or a generated one returned once).
/// </summary>
public sealed record MemberRequest(string? Name, string? Password, string? Role);
