namespace Northstar.Core.Channels;

/// <summary>GA4's source categories: which kind of site a traffic source is.</summary>
public enum SourceCategory
{
    /// <summary>Not on any list: a referral when it arrives through a link.</summary>
    Other,
    Search,
    Social,
    Video,
    Shopping,
}
