using System.Text;
using Northstar.Core.Facts;

namespace Northstar.Core.Export;

/// <summary>One row per fact, columns in <see cref="Import.CanonicalLayout"/> order (the header test pins this).</summary>
internal static class CsvRows
{
    private static readonly byte[][] EventTypes = Encode<EventType>();
    private static readonly byte[][] Stages = Encode<Stage>();
    private static readonly byte[][] DealStatuses = Encode<DealStatus>();
    private static readonly byte[][] DealTypes = Encode<DealType>();
    private static readonly byte[][] DealSources = Encode<DealSource>();
    private static readonly byte[][] SpendKinds = Encode<SpendKind>();
    private static readonly byte[][] ActivityKinds = Encode<ActivityKind>();

    public static void Write(Utf8CsvWriter w, EventFact e)
    {
        w.Field(e.Id);
        w.Field(e.Timestamp);
        w.Field(EventTypes[(int)e.Type]);
        w.Field(e.AnonymousId);
        w.Field(e.ContactId);
        w.Field(e.SessionId);
        w.Field(e.Source);
        w.Field(e.Medium);
        w.Field(e.Campaign);
        w.Field(e.Channel);
        w.Field(e.LandingPage);
        w.Field(e.Page);
        w.Field(e.Referrer);
        w.Field(e.Cta);
        w.Field(e.Form);
        w.Field(e.Field);
        w.Field(e.Variant);
        w.Field(e.Asset);
        w.Field(e.Value);
        w.EndRow();
    }

    public static void Write(Utf8CsvWriter w, Contact c)
    {
        w.Field(c.ContactId);
        w.Field(c.CreatedAt);
        w.Field(c.AccountId);
        w.Field(c.Segment);
        w.Field(c.IcpFit);
        w.Field(c.Source);
        w.Field(c.Medium);
        w.Field(c.Campaign);
        w.Field(c.Channel);
        w.Field(c.Owner);
        w.EndRow();
    }

    public static void Write(Utf8CsvWriter w, StageChange s)
    {
        w.Field(s.ContactId);
        w.Field(Stages[(int)s.Stage]);
        w.Field(s.EnteredAt);
        w.EndRow();
    }

    public static void Write(Utf8CsvWriter w, Account a)
    {
        w.Field(a.AccountId);
        w.Field(a.Name);
        w.Field(a.Segment);
        w.Field(a.Industry);
        w.Field(a.CreatedAt);
        w.EndRow();
    }

    public static void Write(Utf8CsvWriter w, Deal d)
    {
        w.Field(d.DealId);
        w.Field(d.ContactId);
        w.Field(d.AccountId);
        w.Field(d.CreatedAt);
        w.Field(d.ClosedAt);
        w.Field(DealStatuses[(int)d.Status]);
        w.Field(d.Amount);
        w.Field(d.ListAmount);
        w.Field(DealTypes[(int)d.Type]);
        if (d.Source is { } source)
        {
            w.Field(DealSources[(int)source]);
        }
        else
        {
            w.Field((string?)null);
        }

        w.EndRow();
    }

    public static void Write(Utf8CsvWriter w, Spend s)
    {
        w.Field(s.Date);
        w.Field(s.Channel);
        w.Field(s.Campaign);
        w.Field(SpendKinds[(int)s.Kind]);
        w.Field(s.Amount);
        w.Field(s.Impressions);
        w.Field(s.Clicks);
        w.EndRow();
    }

    public static void Write(Utf8CsvWriter w, Subscription s)
    {
        w.Field(s.SubscriptionId);
        w.Field(s.AccountId);
        w.Field(s.StartedAt);
        w.Field(s.EndedAt);
        w.Field(s.Mrr);
        w.Field(s.RenewalDueAt);
        w.Field(s.Renewed);
        w.EndRow();
    }

    public static void Write(Utf8CsvWriter w, SurveyAnswer s)
    {
        w.Field(s.ResponseId);
        w.Field(s.AnsweredAt);
        w.Field(s.ContactId);
        w.Field(s.AccountId);
        w.Field((long?)s.Score);
        w.Field(s.Comment);
        w.EndRow();
    }

    public static void Write(Utf8CsvWriter w, SeriesPoint s)
    {
        w.Field(s.Date);
        w.Field(s.Metric);
        w.Field(s.Dimension);
        w.Field(s.Value);
        w.EndRow();
    }

    public static void Write(Utf8CsvWriter w, Activity a)
    {
        w.Field(a.ActivityId);
        w.Field(a.Timestamp);
        w.Field(a.ContactId);
        w.Field(a.AccountId);
        w.Field(ActivityKinds[(int)a.Kind]);
        w.Field(a.Asset);
        w.Field(a.Owner);
        w.EndRow();
    }

    private static byte[][] Encode<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new byte[values.Length][];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] =
                Encoding.UTF8.GetBytes(SnakeCaseNames<TEnum>.Name(value));
        }

        return names;
    }
}
