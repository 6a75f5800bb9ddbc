using System.Collections.Frozen;

namespace Northstar.Core.Channels;

/// <summary>
/// A well-known subset of GA4's source-category lists (search, social, video and shopping
/// sites). GA4 publishes the full lists as a spreadsheet; these are the sites that carry
/// most traffic, written down here as data, not copied from it.
/// </summary>
internal static class SourceSites
{
    /// <summary>
    /// Brand labels: they match a bare source (<c>google</c>) and a host whose first label,
    /// after generic prefixes like <c>www.</c>, is the brand and whose rest looks like a public
    /// suffix (<c>google.co.uk</c>, <c>l.facebook.com</c>, <c>m.youtube.com</c>).
    /// </summary>
    public static readonly FrozenDictionary<string, SourceCategory> Brands = Build(
        (SourceCategory.Search, ["google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "ecosia", "ask", "aol", "naver", "daum", "seznam", "qwant", "startpage", "sogou", "msn", "dogpile", "webcrawler", "kagi", "mojeek", "yippy", "lycos"]),
        (SourceCategory.Social, ["facebook", "instagram", "linkedin", "twitter", "reddit", "pinterest", "tiktok", "snapchat", "quora", "tumblr", "threads", "discord", "whatsapp", "telegram", "messenger", "vk", "weibo", "xing", "meetup", "bsky", "mastodon", "nextdoor", "line"]),
        (SourceCategory.Video, ["youtube", "vimeo", "twitch", "dailymotion", "wistia", "netflix", "bilibili", "rumble", "vidyard", "loom"]),
        (SourceCategory.Shopping, ["amazon", "ebay", "etsy", "walmart", "aliexpress", "alibaba", "shopify", "mercadolibre", "rakuten", "zalando", "bestbuy", "wayfair", "temu", "shein", "target"]));

    /// <summary>Sources and hosts that only match exactly: short aliases and sites whose brand label would be ambiguous.</summary>
    public static readonly FrozenDictionary<string, SourceCategory> Exact = Build(
        (SourceCategory.Search, ["search.yahoo.com", "search.brave.com", "cn.bing.com", "news.google.com", "so.com", "360.cn", "com.google.android.googlequicksearchbox", "yahoo.co.jp", "search.aol.com"]),
        (SourceCategory.Social, ["fb", "ig", "x", "x.com", "t.co", "lnkd.in", "pin.it", "redd.it", "fb.me", "news.ycombinator.com", "medium.com", "mastodon.social", "com.linkedin.android", "com.facebook.katana", "com.instagram.android"]),
        (SourceCategory.Video, ["yt", "youtu.be", "ted.com", "com.google.android.youtube"]),
        (SourceCategory.Shopping, ["google shopping", "shopping.google.com", "igshopping", "amzn.to", "shop.app"]));

    /// <summary>Leading host labels that say nothing about the site (<c>www</c>, mobile and link-shim hosts).</summary>
    public static readonly FrozenSet<string> GenericPrefixes =
        new[] { "www", "www2", "m", "l", "lm", "mobile", "mbasic", "touch", "web", "amp", "old", "np", "out" }
            .ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, SourceCategory> Build(params (SourceCategory Category, string[] Names)[] lists) =>
        lists.SelectMany(l => l.Names.Select(n => KeyValuePair.Create(n, l.Category)))
            .ToFrozenDictionary(StringComparer.Ordinal);
}
