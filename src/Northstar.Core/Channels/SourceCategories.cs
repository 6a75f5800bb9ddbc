using System.Runtime.CompilerServices;
namespace Northstar.Core.Channels;

/// <summary>
/// Which GA4 source category a source value belongs to. Bare names (<c>google</c>, <c>fb</c>)
/// and hosts (<c>www.google.co.uk</c>, <c>l.facebook.com</c>) both match; a host on a site's
/// other subdomains (<c>docs.google.com</c>) stays <see cref="SourceCategory.Other"/>, as
/// GA4 reports it as a referral.
/// </summary>
public static class SourceCategories
{
    private const int MaxSuffixLabels = 2;
    private const int MaxSuffixLabelLength = 3;

    /// <summary>The category of a utm_source value or a referrer host (case-insensitive).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SourceCategory Categorize(string? source)
    {
        var host = HostName.Extract(source);
        if (host is null)
        {
            return SourceCategory.Other;
        }

        if (SourceSites.Exact.TryGetValue(host, out var exact))
        {
            return exact;
        }

        var labels = host.Split('.');
        var first = 0;
        while (first < labels.Length - 1 && SourceSites.GenericPrefixes.Contains(labels[first]))
        {
            first++;
        }

        if (first > 0 && SourceSites.Exact.TryGetValue(string.Join('.', labels[first..]), out exact))
        {
            return exact;
        }

        return IsSuffix(labels.AsSpan(first + 1)) && SourceSites.Brands.TryGetValue(labels[first], out var brand)
            ? brand
            : SourceCategory.Other;
    }

    /// <summary>True for what follows the brand in <c>google.com</c> or <c>amazon.co.uk</c>, and for nothing at all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsSuffix(ReadOnlySpan<string> labels)
    {
        if (labels.Length > MaxSuffixLabels)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxSuffixLabelLength)
            {
                return false;
            }
        }

        return true;
    }
}
