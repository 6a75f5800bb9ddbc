using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.ClickHouse.Client;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>
/// Events, partitioned by the month of their local day (the workspace's time zone, worked out
/// here with Core's <see cref="LocalDays"/> so views count on the same day as Core does) and
/// sorted by workspace, day and type: the event rollup and actor-day views are fed from it by
/// materialized views. Besides the event's own columns it keeps what those views need and
/// 18.16 cannot compute alike: the value as Decimal128(12), the actor hash (<see cref="ActorHash"/>)
/// and which dimensions are NULL (the rollup's sort key cannot hold Nullable columns).
/// </summary>
internal sealed class EventTable : FactTable<EventFact>
{
    public override FactKind Kind => FactKind.Events;

    public override string Name => "events";

    public override string OrderBy => "ws, day, type, key, ver";

    public override string ValueColumnsDdl =>
        "ts Int64, type String, anonymous_id Nullable(String), contact_id Nullable(String), session_id Nullable(String), " +
        "source Nullable(String), medium Nullable(String), campaign Nullable(String), channel Nullable(String), " +
        "landing_page Nullable(String), page Nullable(String), referrer Nullable(String), cta Nullable(String), " +
        "form Nullable(String), field Nullable(String), variant Nullable(String), asset Nullable(String), " +
        "value Nullable(String), prop_names Array(String), prop_values Array(String), " +
        "value_num Decimal128(12), actor Int64, has_actor UInt8, dim_nulls UInt16";

    public override DateTimeOffset? MainTime(EventFact fact) => fact.Timestamp;

    public override DateOnly Day(EventFact fact, LocalDays days) => days.DayOf(fact.Timestamp);

    public override void WriteValues(RowBinaryWriter w, EventFact e)
    {
        w.Int64(Values.Micros(e.Timestamp));
        Values.Enum(w, e.Type);
        w.NullableString(e.AnonymousId);
        w.NullableString(e.ContactId);
        w.NullableString(e.SessionId);
        w.NullableString(e.Source);
        w.NullableString(e.Medium);
        w.NullableString(e.Campaign);
        w.NullableString(e.Channel);
        w.NullableString(e.LandingPage);
        w.NullableString(e.Page);
        w.NullableString(e.Referrer);
        w.NullableString(e.Cta);
        w.NullableString(e.Form);
        w.NullableString(e.Field);
        w.NullableString(e.Variant);
        w.NullableString(e.Asset);
        Values.Decimal(w, e.Value);
        Values.Properties(w, e.Properties);
        w.Decimal128(e.Value ?? 0m, 12);
        var actor = ActorHash.Of(e.ContactId, e.AnonymousId);
        w.Int64(actor ?? 0);
        w.Bool(actor.HasValue);
        w.UInt16(DimNulls(Touchpoints.DimsOf(e)));
    }

    public override EventFact ReadValues(RowBinaryReader r, string key)
    {
        var e = new EventFact
        {
            Id = key,
            Timestamp = Values.Instant(r.Int64()),
            Type = Values.Enum<EventType>(r),
            AnonymousId = r.NullableString(),
            ContactId = r.NullableString(),
            SessionId = r.NullableString(),
            Source = r.NullableString(),
            Medium = r.NullableString(),
            Campaign = r.NullableString(),
            Channel = r.NullableString(),
            LandingPage = r.NullableString(),
            Page = r.NullableString(),
            Referrer = r.NullableString(),
            Cta = r.NullableString(),
            Form = r.NullableString(),
            Field = r.NullableString(),
            Variant = r.NullableString(),
            Asset = r.NullableString(),
            Value = Values.Decimal(r),
            Properties = Values.Properties(r),
        };
        r.Decimal128(12);
        r.Int64();
        r.UInt8();
        r.UInt16();
        return e;
    }

    /// <summary>Bit i set when dimension i of <see cref="EventDims.Names"/> is NULL.</summary>
    public static ushort DimNulls(EventDims d)
    {
        string?[] values = [d.Channel, d.Source, d.Medium, d.Campaign, d.LandingPage, d.Page, d.Cta, d.Form, d.Field, d.Variant, d.Asset];
        var mask = 0;
        for (var i = 0; i < values.Length; i++)
        {
            mask |= values[i] is null ? 1 << i : 0;
        }

        return (ushort)mask;
    }
}
