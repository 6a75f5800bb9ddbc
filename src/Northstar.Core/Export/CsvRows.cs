using Northstar.Core.Facts;

namespace Northstar.Core.Export;

/// <summary>One row per fact, columns in <see cref="Import.CanonicalLayout"/> order (the header test pins this).</summary>
internal static class CsvRows
{
    public static void Write(Utf8CsvWriter w, EventFact e)
    {
        w.Field(e.Id);
        w.Field(e.Timestamp);
        w.Field(SnakeCaseNames<EventType>.Utf8Name(e.Type));
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
        w.Field(SnakeCaseNames<Stage>.Utf8Name(s.Stage));
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
        w.Field(SnakeCaseNames<DealStatus>.Utf8Name(d.Status));
        w.Field(d.Amount);
        w.Field(d.ListAmount);
        w.Field(SnakeCaseNames<DealType>.Utf8Name(d.Type));
        if (d.Source is { } source)
        {
            w.Field(SnakeCaseNames<DealSource>.Utf8Name(source));
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
        w.Field(SnakeCaseNames<SpendKind>.Utf8Name(s.Kind));
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
        w.Field(SnakeCaseNames<ActivityKind>.Utf8Name(a.Kind));
        w.Field(a.Asset);
        w.Field(a.Owner);
        w.EndRow();
    }
}
