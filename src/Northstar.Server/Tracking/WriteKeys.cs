using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Northstar.Server.Tracking;

/// <summary>The write key of a request: HTTP Basic with the key as user name (password empty, colon optional).</summary>
internal static class WriteKeys
{
    /// <summary>The key in the Authorization header, or null when there is no Basic header or it does not decode.</summary>
    public static string? FromHeader(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            var key = colon >= 0 ? decoded[..colon] : decoded;
            return key.Length == 0 ? null : key;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
