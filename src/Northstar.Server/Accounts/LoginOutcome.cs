namespace Northstar.Server.Accounts;

/// <summary>How a log-in attempt ended.</summary>
public enum LoginOutcome
{
    /// <summary>Name and password matched; the caller is signed in.</summary>
    SignedIn,

    /// <summary>No such user, or the wrong password (the two are not told apart).</summary>
    BadCredentials,

    /// <summary>Too many failed attempts for this name or from this address lately; nothing was checked.</summary>
    Throttled,
}
