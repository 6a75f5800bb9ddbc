using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Measures;

internal sealed partial class MeasureRegistry
{
    private static IEnumerable<Measure> DealMeasures()
    {
        static bool Won(Deal d, MetricContext _) => d.Status == DealStatus.Won;
        static bool NewWon(Deal d, MetricContext c) => Won(d, c) && d.Type == DealType.New;
        static bool NewClosed(Deal d, MetricContext _) => d.Type == DealType.New && d.Status is DealStatus.Won or DealStatus.Lost;
        static DateTimeOffset? Created(Deal d) => d.CreatedAt;
        static DateTimeOffset? Closed(Deal d) => d.ClosedAt;

        yield return new DealMeasure("pipeline_created", KpiUnit.Money, Created, static (_, _) => true, DealMeasure.AmountOf, "sum of the amounts of deals (opportunities) created in the period");
        yield return new DealMeasure("deals_created", KpiUnit.Count, Created, static (_, _) => true, DealMeasure.One, "deals (opportunities) created in the period");
        yield return new DealMeasure("revenue_new", KpiUnit.Money, Closed, NewWon, DealMeasure.AmountOf, "won new-business amount, by close date");
        yield return new DealMeasure("revenue_total", KpiUnit.Money, Closed, Won, DealMeasure.AmountOf, "won amount of every deal type (new, expansion, renewal), by close date");
        yield return new DealMeasure("deals_won", KpiUnit.Count, Closed, NewWon, DealMeasure.One, "new-business deals won, by close date");
        yield return new DealMeasure("deals_closed", KpiUnit.Count, Closed, NewClosed, DealMeasure.One, "new-business deals won or lost, by close date");
        yield return new DealMeasure(
            "marketing_sourced_pipeline",
            KpiUnit.Money,
            Created,
            MarketingSourced,
            DealMeasure.AmountOf,
            "pipeline created whose contact's first touch (identity-resolved) came before the deal, from a channel other than direct; "
            + "a contact without tracked touches counts by the channel on its own row");
        yield return new DealMeasure(
            "marketing_influenced_pipeline",
            KpiUnit.Money,
            Created,
            MarketingInfluenced,
            DealMeasure.AmountOf,
            "pipeline created whose contact had any tracked touch (visit, email, ad; identity-resolved) before the deal was created; "
            + "a contact without tracked touches counts when its own row names a channel other than direct");
    }

    /// <summary>The first touch, when there is one, came before the deal from a marketing channel; else the contact row's channel is one.</summary>
    private static bool MarketingSourced(Deal deal, MetricContext context) =>
        context.DealContact(deal) is { } contact
        && (contact.FirstTouch is not { } touch || touch.Timestamp <= deal.CreatedAt)
        && IsMarketing(contact.Channel);

    /// <summary>A tracked touch before the deal; without any, a marketing channel on the contact row (the CRM's original source).</summary>
    private static bool MarketingInfluenced(Deal deal, MetricContext context) =>
        context.DealContact(deal) is { } contact
        && (contact.FirstTouch is { } touch ? touch.Timestamp <= deal.CreatedAt : IsMarketing(contact.Channel));

    private static bool IsMarketing(string? channel) => channel is { Length: > 0 } && channel != Channels.ChannelIds.Direct;
}
