namespace Northstar.Core.Metrics;

/// <summary>
/// The dimensions a KPI can be broken down or filtered by. Which of them a KPI supports depends
/// on the facts behind it (<see cref="KpiDefinition.Dimensions"/>).
/// </summary>
public static class Dimensions
{
    public const string Channel = "channel";
    public const string Source = "source";
    public const string Medium = "medium";
    public const string Campaign = "campaign";
    public const string LandingPage = "landing_page";
    public const string Page = "page";
    public const string Cta = "cta";
    public const string Form = "form";
    public const string Field = "field";
    public const string Variant = "variant";
    public const string Asset = "asset";
    public const string Segment = "segment";
    public const string Owner = "owner";
    public const string DealSource = "deal_source";

    /// <summary>Spend kind: media, creative, tools, people, service.</summary>
    public const string Kind = "kind";

    /// <summary>The brand of a <c>mentions</c> series point (<c>brand=...</c> in its dimension).</summary>
    public const string Brand = "brand";

    /// <summary>The sentiment of a <c>mentions</c> series point: positive, neutral, negative.</summary>
    public const string Sentiment = "sentiment";

    /// <summary>An account's health colour: green, amber, red (<c>account_health</c>).</summary>
    public const string Health = "health";

    /// <summary>Every dimension, in the order the UI lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Channel, Source, Medium, Campaign, LandingPage, Page, Cta, Form, Field, Variant, Asset, Segment, Owner, DealSource, Kind, Brand, Sentiment, Health];

    /// <summary>The group a fact without a value for the dimension falls into.</summary>
    public const string None = "(none)";
}
