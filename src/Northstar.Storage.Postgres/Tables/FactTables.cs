using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Postgres.Sql;
using Npgsql;
using static Northstar.Storage.Postgres.Tables.Cells;

namespace Northstar.Storage.Postgres.Tables;

/// <summary>The ten fact tables (schema step 1), in <see cref="FactKind"/> order.</summary>
internal static class FactTables
{
    public static FactTable<EventFact> Events { get; } = new(
        FactKind.Events, "events",
        ["id", "ts", "type", "anonymous_id", "contact_id", "session_id", "source", "medium", "campaign", "channel", "landing_page",
         "page", "referrer", "cta", "form", "field", "variant", "asset", "value", "props", "day", "actor"],
        ["id"], "ts", false,
        (w, e, days) =>
        {
            Text(w, e.Id);
            Time(w, e.Timestamp);
            Short(w, (int)e.Type);
            Text(w, e.AnonymousId);
            Text(w, e.ContactId);
            Text(w, e.SessionId);
            Text(w, e.Source);
            Text(w, e.Medium);
            Text(w, e.Campaign);
            Text(w, e.Channel);
            Text(w, e.LandingPage);
            Text(w, e.Page);
            Text(w, e.Referrer);
            Text(w, e.Cta);
            Text(w, e.Form);
            Text(w, e.Field);
            Text(w, e.Variant);
            Text(w, e.Asset);
            Decimal(w, e.Value);
            Props(w, e.Properties);
            Date(w, days.DayOf(e.Timestamp));
            Long(w, ActorHash.Of(e.ContactId, e.AnonymousId));
        },
        ReadEvent,
        e => e with { Timestamp = Micro(e.Timestamp) },
        ["id", "ts", "type", "anonymous_id", "contact_id", "session_id", "source", "medium", "campaign", "channel", "landing_page",
         "page", "referrer", "cta", "form", "field", "variant", "asset", "value", "props"]);

    public static FactTable<Contact> Contacts { get; } = new(
        FactKind.Contacts, "contacts",
        ["contact_id", "created_at", "account_id", "segment", "icp_fit", "source", "medium", "campaign", "channel", "owner", "props"],
        ["contact_id"], "created_at", false,
        (w, c, _) =>
        {
            Text(w, c.ContactId);
            Time(w, c.CreatedAt);
            Text(w, c.AccountId);
            Text(w, c.Segment);
            Bool(w, c.IcpFit);
            Text(w, c.Source);
            Text(w, c.Medium);
            Text(w, c.Campaign);
            Text(w, c.Channel);
            Text(w, c.Owner);
            Props(w, c.Properties);
        },
        r => new Contact
        {
            ContactId = r.GetString(0), CreatedAt = r.TimeOrNull(1), AccountId = r.Text(2), Segment = r.Text(3), IcpFit = ReadBool(r, 4),
            Source = r.Text(5), Medium = r.Text(6), Campaign = r.Text(7), Channel = r.Text(8), Owner = r.Text(9), Properties = ReadProps(r, 10),
        },
        c => c with { CreatedAt = Micro(c.CreatedAt) });

    public static FactTable<StageChange> Stages { get; } = new(
        FactKind.Stages, "stages", ["contact_id", "stage", "entered_at", "props"], ["contact_id", "stage"], "entered_at", false,
        (w, s, _) =>
        {
            Text(w, s.ContactId);
            Short(w, (int)s.Stage);
            Time(w, s.EnteredAt);
            Props(w, s.Properties);
        },
        r => new StageChange { ContactId = r.GetString(0), Stage = (Stage)r.GetInt16(1), EnteredAt = r.Time(2), Properties = ReadProps(r, 3) },
        s => s with { EnteredAt = Micro(s.EnteredAt) });

    public static FactTable<Account> Accounts { get; } = new(
        FactKind.Accounts, "accounts", ["account_id", "name", "segment", "industry", "created_at", "props"], ["account_id"], "created_at", false,
        (w, a, _) =>
        {
            Text(w, a.AccountId);
            Text(w, a.Name);
            Text(w, a.Segment);
            Text(w, a.Industry);
            Time(w, a.CreatedAt);
            Props(w, a.Properties);
        },
        r => new Account { AccountId = r.GetString(0), Name = r.Text(1), Segment = r.Text(2), Industry = r.Text(3), CreatedAt = r.TimeOrNull(4), Properties = ReadProps(r, 5) },
        a => a with { CreatedAt = Micro(a.CreatedAt) });

    public static FactTable<Deal> Deals { get; } = new(
        FactKind.Deals, "deals",
        ["deal_id", "contact_id", "account_id", "created_at", "closed_at", "status", "amount", "list_amount", "type", "source", "props"],
        ["deal_id"], "created_at", false,
        (w, d, _) =>
        {
            Text(w, d.DealId);
            Text(w, d.ContactId);
            Text(w, d.AccountId);
            Time(w, d.CreatedAt);
            Time(w, d.ClosedAt);
            Short(w, (int)d.Status);
            Decimal(w, d.Amount);
            Decimal(w, d.ListAmount);
            Short(w, (int)d.Type);
            Short(w, (int?)d.Source);
            Props(w, d.Properties);
        },
        r => new Deal
        {
            DealId = r.GetString(0), ContactId = r.Text(1), AccountId = r.Text(2), CreatedAt = r.Time(3), ClosedAt = r.TimeOrNull(4),
            Status = (DealStatus)r.GetInt16(5), Amount = ReadDecimal(r, 6), ListAmount = ReadDecimal(r, 7), Type = (DealType)r.GetInt16(8),
            Source = ReadShort(r, 9) is { } s ? (DealSource)s : null, Properties = ReadProps(r, 10),
        },
        d => d with { CreatedAt = Micro(d.CreatedAt), ClosedAt = Micro(d.ClosedAt) });

    public static FactTable<Spend> Spend { get; } = new(
        FactKind.Spend, "spend", ["date", "channel", "campaign", "kind", "amount", "impressions", "clicks", "props"],
        ["date", "channel", "campaign", "kind"], "date", true,
        (w, s, _) =>
        {
            Date(w, s.Date);
            Text(w, s.Channel);
            Text(w, s.Campaign);
            Short(w, (int)s.Kind);
            Decimal(w, s.Amount);
            Long(w, s.Impressions);
            Long(w, s.Clicks);
            Props(w, s.Properties);
        },
        r => new Spend
        {
            Date = r.GetFieldValue<DateOnly>(0), Channel = r.GetString(1), Campaign = r.GetString(2), Kind = (SpendKind)r.GetInt16(3),
            Amount = Trim(r.GetDecimal(4)), Impressions = ReadLong(r, 5), Clicks = ReadLong(r, 6), Properties = ReadProps(r, 7),
        },
        s => s);

    public static FactTable<Subscription> Subscriptions { get; } = new(
        FactKind.Subscriptions, "subscriptions",
        ["subscription_id", "account_id", "started_at", "ended_at", "mrr", "renewal_due_at", "renewed", "props"],
        ["subscription_id"], "started_at", false,
        (w, s, _) =>
        {
            Text(w, s.SubscriptionId);
            Text(w, s.AccountId);
            Time(w, s.StartedAt);
            Time(w, s.EndedAt);
            Decimal(w, s.Mrr);
            Time(w, s.RenewalDueAt);
            Bool(w, s.Renewed);
            Props(w, s.Properties);
        },
        r => new Subscription
        {
            SubscriptionId = r.GetString(0), AccountId = r.Text(1), StartedAt = r.Time(2), EndedAt = r.TimeOrNull(3), Mrr = Trim(r.GetDecimal(4)),
            RenewalDueAt = r.TimeOrNull(5), Renewed = ReadBool(r, 6), Properties = ReadProps(r, 7),
        },
        s => s with { StartedAt = Micro(s.StartedAt), EndedAt = Micro(s.EndedAt), RenewalDueAt = Micro(s.RenewalDueAt) });

    public static FactTable<SurveyAnswer> Surveys { get; } = new(
        FactKind.Surveys, "surveys", ["response_id", "answered_at", "contact_id", "account_id", "score", "comment", "props"],
        ["response_id"], "answered_at", false,
        (w, s, _) =>
        {
            Text(w, s.ResponseId);
            Time(w, s.AnsweredAt);
            Text(w, s.ContactId);
            Text(w, s.AccountId);
            w.Write(s.Score, NpgsqlTypes.NpgsqlDbType.Integer);
            Text(w, s.Comment);
            Props(w, s.Properties);
        },
        r => new SurveyAnswer
        {
            ResponseId = r.GetString(0), AnsweredAt = r.Time(1), ContactId = r.Text(2), AccountId = r.Text(3), Score = r.GetInt32(4),
            Comment = r.Text(5), Properties = ReadProps(r, 6),
        },
        s => s with { AnsweredAt = Micro(s.AnsweredAt) });

    public static FactTable<SeriesPoint> Series { get; } = new(
        FactKind.Series, "series", ["date", "metric", "dimension", "value", "props"], ["date", "metric", "dimension"], "date", true,
        (w, s, _) =>
        {
            Date(w, s.Date);
            Text(w, s.Metric);
            Text(w, s.Dimension);
            w.Write(s.Value, NpgsqlTypes.NpgsqlDbType.Double);
            Props(w, s.Properties);
        },
        r => new SeriesPoint { Date = r.GetFieldValue<DateOnly>(0), Metric = r.GetString(1), Dimension = r.GetString(2), Value = r.GetDouble(3), Properties = ReadProps(r, 4) },
        s => s);

    public static FactTable<Activity> Activities { get; } = new(
        FactKind.Activities, "activities", ["activity_id", "ts", "contact_id", "account_id", "kind", "asset", "owner", "props"],
        ["activity_id"], "ts", false,
        (w, a, _) =>
        {
            Text(w, a.ActivityId);
            Time(w, a.Timestamp);
            Text(w, a.ContactId);
            Text(w, a.AccountId);
            Short(w, (int)a.Kind);
            Text(w, a.Asset);
            Text(w, a.Owner);
            Props(w, a.Properties);
        },
        r => new Activity
        {
            ActivityId = r.GetString(0), Timestamp = r.Time(1), ContactId = r.Text(2), AccountId = r.Text(3), Kind = (ActivityKind)r.GetInt16(4),
            Asset = r.Text(5), Owner = r.Text(6), Properties = ReadProps(r, 7),
        },
        a => a with { Timestamp = Micro(a.Timestamp) });

    /// <summary>All ten, in <see cref="FactKind"/> order.</summary>
    public static IReadOnlyList<FactTable> All { get; } = [Events, Contacts, Stages, Accounts, Deals, Spend, Subscriptions, Surveys, Series, Activities];

    /// <summary>The table of a fact type.</summary>
    public static FactTable<TFact> Of<TFact>()
        where TFact : class, IFact => (FactTable<TFact>)All[(int)Core.Storage.FactKinds.Of<TFact>()];

    private static EventFact ReadEvent(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Timestamp = r.Time(1),
        Type = (EventType)r.GetInt16(2),
        AnonymousId = r.Text(3),
        ContactId = r.Text(4),
        SessionId = r.Text(5),
        Source = r.Text(6),
        Medium = r.Text(7),
        Campaign = r.Text(8),
        Channel = r.Text(9),
        LandingPage = r.Text(10),
        Page = r.Text(11),
        Referrer = r.Text(12),
        Cta = r.Text(13),
        Form = r.Text(14),
        Field = r.Text(15),
        Variant = r.Text(16),
        Asset = r.Text(17),
        Value = ReadDecimal(r, 18),
        Properties = ReadProps(r, 19),
    };
}
