using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>
/// A customer's life after the won deal: an annual subscription (MRR = deal amount / 12),
/// expansions, support tickets, NPS answers, and a renewal every year that is won or lost;
/// a lost renewal churns the contact. Promoters renew more, detractors less.
/// </summary>
internal sealed class CustomerLifecycle(Xoshiro rng, FactWriter writer, ShockTable shocks)
{
    private const double PromoterShare = 0.45;
    private const double DetractorShare = 0.22;
    private const double ExpansionRate = 0.25;

    public void Run(NewCustomer customer)
    {
        var nps = rng.NextDouble();
        var promoter = nps < PromoterShare;
        var detractor = nps >= 1 - DetractorShare;
        var renewal = customer.Segment.RenewalRate + (promoter ? 0.06 : detractor ? -0.2 : 0);
        var churn = Math.Min(1.0, (1 - renewal) * shocks.Stage(Stage.Churned, customer.Channel, customer.WonAt));
        var arr = customer.Amount;
        var termStart = customer.WonAt;
        bool? renewed = null;
        DateTimeOffset? endedAt = null;
        while (true)
        {
            var due = termStart.AddYears(1);
            arr += WriteTerm(customer, termStart, due, arr, promoter, detractor);
            if (!writer.InPeriod(due))
            {
                WriteSubscription(customer, arr, due, renewed, endedAt);
                return;
            }

            renewed = !rng.Chance(churn);
            WriteRenewal(customer, due, arr, renewed.Value);
            if (!renewed.Value)
            {
                endedAt = due;
                writer.Add(new StageChange { ContactId = customer.ContactId, Stage = Stage.Churned, EnteredAt = due }, FactKind.Stages);
                WriteSubscription(customer, arr, due, renewed, endedAt);
                return;
            }

            termStart = due;
        }
    }

    /// <summary>Tickets, surveys and perhaps an expansion in one contract year; returns the added ARR.</summary>
    private decimal WriteTerm(NewCustomer customer, DateTimeOffset start, DateTimeOffset due, decimal arr, bool promoter, bool detractor)
    {
        var tickets = rng.Poisson(detractor ? 4 : 2);
        for (var i = 0; i < tickets; i++)
        {
            AddActivity(customer, start + rng.Days(1, 364), ActivityKind.Ticket);
        }

        for (var at = start + rng.Days(60, 120); at < due; at += rng.Days(150, 210))
        {
            WriteSurvey(customer, at, promoter, detractor);
        }

        if (!rng.Chance(ExpansionRate))
        {
            return 0m;
        }

        var expandedAt = start + rng.Days(90, 300);
        var amount = Math.Round(arr * (decimal)rng.Uniform(0.15, 0.5), 2);
        if (!writer.InPeriod(expandedAt))
        {
            return 0m;
        }

        writer.Add(new Deal
        {
            DealId = writer.NextDeal(), ContactId = customer.ContactId, AccountId = customer.AccountId,
            CreatedAt = expandedAt - rng.Days(10, 40), ClosedAt = expandedAt, Status = DealStatus.Won,
            Amount = amount, ListAmount = amount, Type = DealType.Expansion, Source = DealSource.Sales,
        }, FactKind.Deals);
        return amount;
    }

    private void WriteRenewal(NewCustomer customer, DateTimeOffset due, decimal arr, bool renewed) =>
        writer.Add(new Deal
        {
            DealId = writer.NextDeal(), ContactId = customer.ContactId, AccountId = customer.AccountId,
            CreatedAt = due.AddDays(-60), ClosedAt = due, Status = renewed ? DealStatus.Won : DealStatus.Lost,
            Amount = arr, ListAmount = arr, Type = DealType.Renewal, Source = DealSource.Sales,
        }, FactKind.Deals);

    private void WriteSurvey(NewCustomer customer, DateTimeOffset at, bool promoter, bool detractor)
    {
        if (!writer.InPeriod(at))
        {
            return;
        }

        var score = promoter ? rng.Between(9, 10) : detractor ? rng.Between(0, 6) : rng.Between(7, 8);
        writer.Add(new SurveyAnswer
        {
            ResponseId = writer.NextResponse(), AnsweredAt = at, ContactId = customer.ContactId, AccountId = customer.AccountId,
            Score = score, Comment = rng.Chance(0.2) ? rng.Pick(CompanyModel.SurveyComments) : null,
        }, FactKind.Surveys);
    }

    private void WriteSubscription(NewCustomer customer, decimal arr, DateTimeOffset due, bool? renewed, DateTimeOffset? endedAt) =>
        writer.Add(new Subscription
        {
            SubscriptionId = writer.NextSubscription(), AccountId = customer.AccountId, StartedAt = customer.WonAt,
            EndedAt = endedAt, Mrr = Math.Round(arr / 12m, 2), RenewalDueAt = due, Renewed = renewed,
        }, FactKind.Subscriptions);

    private void AddActivity(NewCustomer customer, DateTimeOffset at, ActivityKind kind)
    {
        if (writer.InPeriod(at))
        {
            writer.Add(new Activity
            {
                ActivityId = writer.NextActivity(), Timestamp = at, ContactId = customer.ContactId,
                AccountId = customer.AccountId, Kind = kind, Owner = customer.Owner,
            }, FactKind.Activities);
        }
    }
}
