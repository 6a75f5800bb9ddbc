namespace Northstar.Server.Tracking;

/// <summary>The parts of a page URL the fact model keeps: its path, its host, its <c>utm_*</c> tags.</summary>
internal static class PageUrl
{
    /// <summary>The path of an absolute URL (<c>/pricing</c>), or null.</summary>
    public static string? PathOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : null;

    /// <summary>The lower-case host of a URL, or null.</summary>
    public static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host.ToLowerInvariant() : null;

    /// <summary>The <c>utm_source</c>, <c>utm_medium</c>, <c>utm_campaign</c>, <c>utm_term</c>, <c>utm_content</c> of a URL.</summary>
    public static CampaignTags CampaignOf(string? url)
    {
        var query = url is null ? -1 : url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return CampaignTags.None;
        }

        string? source = null, medium = null, name = null, term = null, content = null;
        var text = url!.AsSpan(query + 1);
        var hash = text.IndexOf('#');
        if (hash >= 0)
        {
            text = text[..hash];
        }

        foreach (var range in text.Split('&'))
        {
            var pair = text[range];
            var eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var value = Uri.UnescapeDataString(pair[(eq + 1)..].ToString().Replace('+', ' '));
            var v = value.Length == 0 ? null : value;
            switch (pair[..eq].ToString().ToLowerInvariant())
            {
                case "utm_source": source = v; break;
                case "utm_medium": medium = v; break;
                case "utm_campaign": name = v; break;
                case "utm_term": term = v; break;
                case "utm_content": content = v; break;
                default: break;
            }
        }

        return new CampaignTags(source, medium, name, term, content);
    }
}
