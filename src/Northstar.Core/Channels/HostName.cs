namespace Northstar.Core.Channels;

/// <summary>Pulls the lower-case host out of a referrer URL or a domain-like source.</summary>
internal static class HostName
{
    /// <summary>
    /// The host of <c>https://l.facebook.com/l.php?u=x</c>, <c>//example.com/a</c> or
    /// <c>www.google.com</c>, lower-cased, without port or user info; null when there is none.
    /// </summary>
    public static string? Extract(string? urlOrHost)
    {
        if (string.IsNullOrWhiteSpace(urlOrHost))
        {
            return null;
        }

        var span = urlOrHost.AsSpan().Trim();
        var scheme = span.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            span = span[(scheme + 3)..];
        }
        else if (span.StartsWith("//", StringComparison.Ordinal))
        {
            span = span[2..];
        }

        var end = span.IndexOfAny('/', '?', '#');
        if (end >= 0)
        {
            span = span[..end];
        }

        var at = span.LastIndexOf('@');
        if (at >= 0)
        {
            span = span[(at + 1)..];
        }

        var colon = span.IndexOf(':');
        if (colon >= 0)
        {
            span = span[..colon];
        }

        span = span.TrimEnd('.');
        return span.IsEmpty ? null : span.ToString().ToLowerInvariant();
    }
}
