namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The dimension values an event carries (null when it carries none), the key of the daily
/// event rollup together with the day and the event type.
/// </summary>
public readonly record struct EventDims(
    string? Channel,
    string? Source,
    string? Medium,
    string? Campaign,
    string? LandingPage,
    string? Page,
    string? Cta,
    string? Form,
    string? Field,
    string? Variant,
    string? Asset)
{
    /// <summary>The value of one dimension by id (<see cref="Metrics.Dimensions"/>); null when the event has none or the dimension is not an event dimension.</summary>
    public string? Get(string dimension) => dimension switch
    {
        Metrics.Dimensions.Channel => Channel,
        Metrics.Dimensions.Source => Source,
        Metrics.Dimensions.Medium => Medium,
        Metrics.Dimensions.Campaign => Campaign,
        Metrics.Dimensions.LandingPage => LandingPage,
        Metrics.Dimensions.Page => Page,
        Metrics.Dimensions.Cta => Cta,
        Metrics.Dimensions.Form => Form,
        Metrics.Dimensions.Field => Field,
        Metrics.Dimensions.Variant => Variant,
        Metrics.Dimensions.Asset => Asset,
        _ => null,
    };

    /// <summary>The dimensions an event carries, in rollup key order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        Metrics.Dimensions.Channel, Metrics.Dimensions.Source, Metrics.Dimensions.Medium, Metrics.Dimensions.Campaign,
        Metrics.Dimensions.LandingPage, Metrics.Dimensions.Page, Metrics.Dimensions.Cta, Metrics.Dimensions.Form,
        Metrics.Dimensions.Field, Metrics.Dimensions.Variant, Metrics.Dimensions.Asset,
    ];
}
