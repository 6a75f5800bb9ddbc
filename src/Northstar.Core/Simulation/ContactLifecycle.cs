using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>
/// Everything that happens to a contact after the form fill, decided at once: account, funnel
/// walk (each stage entered with the first-touch channel's rate, times from bounded delays),
/// stage rows (some intermediate stages skipped), nurture and sales touches, the deal, and the
/// customer's life. Facts after the simulated period are not written.
/// </summary>
/// <remarks>In the assists variant (<paramref name="assists"/> set) IQL and MQL are decided by <see cref="AssistFunnel"/>.</remarks>
internal sealed class ContactLifecycle(
    Xoshiro rng, FactWriter writer, AccountBook accounts, ShockTable shocks, ContactTouches touches, CustomerLifecycle customers,
    AssistFunnel? assists = null)
{
    private const int FunnelStages = (int)Stage.Customer + 1;

    public void Run(NewContact contact)
    {
        if (!writer.InPeriod(contact.CreatedAt))
        {
            return;
        }

        var account = accounts.Assign(contact.CreatedAt);
        var owner = rng.Pick(CompanyModel.Owners);
        var channel = contact.FirstTouch;
        writer.Add(new Contact
        {
            ContactId = contact.ContactId, CreatedAt = contact.CreatedAt, AccountId = account.Id, Segment = account.Segment.Id,
            IcpFit = rng.Chance(IcpRate(account.Segment, account.Industry)), Source = channel.Source, Medium = channel.Medium,
            Campaign = contact.Campaign, Channel = channel.Id, Owner = owner,
        }, FactKind.Contacts);

        var times = new DateTimeOffset?[FunnelStages];
        times[0] = contact.CreatedAt;
        if (assists is null)
        {
            WalkFunnel(channel, account.Segment, times, 0);
            WriteStages(contact.ContactId, times);
            touches.Write(contact, owner, account.Id, times);
        }
        else
        {
            if (assists.Qualify(contact, account.Segment, times))
            {
                WalkFunnel(channel, account.Segment, times, (int)Stage.Mql);
            }

            WriteStages(contact.ContactId, times);
            touches.WriteSales(contact, owner, account.Id, times);
        }

        var deal = WriteDeal(contact, account.Id, account.Segment, times);
        if (deal is { Status: DealStatus.Won, ClosedAt: { } wonAt })
        {
            customers.Run(new NewCustomer(contact.ContactId, channel.Id, account.Id, account.Segment, owner, wonAt, deal.Amount ?? 0m));
        }
    }

    /// <summary>Entry time of each funnel stage after <paramref name="from"/> (reached); null from the first stage not reached.</summary>
    private void WalkFunnel(ChannelProfile channel, SegmentProfile segment, DateTimeOffset?[] times, int from)
    {
        var t = times[from]!.Value;
        for (var i = from; i < channel.StageRates.Length; i++)
        {
            var target = (Stage)(i + 1);
            var rate = Math.Min(1.0, channel.StageRates[i] * shocks.Stage(target, channel.Id, t));
            if (!rng.Chance(rate))
            {
                break;
            }

            var (min, max) = CompanyModel.StageDelays[i];
            t += rng.Days(min * segment.CycleMultiplier, max * segment.CycleMultiplier);
            times[i + 1] = t;
        }
    }

    /// <summary>
    /// Writes the reached stages inside the period. A skippable stage is left out only when the
    /// next stage is written too, so the highest written stage is always the highest reached.
    /// </summary>
    private void WriteStages(string contactId, DateTimeOffset?[] times)
    {
        for (var s = 0; s < times.Length && times[s] is { } at && writer.InPeriod(at); s++)
        {
            var stage = (Stage)s;
            var nextWritten = s + 1 < times.Length && times[s + 1] is { } next && writer.InPeriod(next);
            if (nextWritten && rng.Chance(CompanyModel.SkipRate(stage)))
            {
                continue;
            }

            writer.Add(new StageChange { ContactId = contactId, Stage = stage, EnteredAt = at }, FactKind.Stages);
        }
    }

    private Deal? WriteDeal(NewContact contact, string accountId, SegmentProfile segment, DateTimeOffset?[] times)
    {
        if (times[(int)Stage.Opportunity] is not { } openedAt || !writer.InPeriod(openedAt))
        {
            return null;
        }

        var list = Math.Round(segment.MeanListAmount * Math.Exp((0.35 * rng.Normal()) - 0.06125) / 100) * 100;
        var discount = rng.Uniform(segment.DiscountMin, segment.DiscountMax);
        DateTimeOffset? closedAt = times[(int)Stage.Customer]
            ?? (times[(int)Stage.Proposal] ?? openedAt) + rng.Days(5 * segment.CycleMultiplier, 45 * segment.CycleMultiplier);
        var status = times[(int)Stage.Customer] is null ? DealStatus.Lost : DealStatus.Won;
        if (!writer.InPeriod(closedAt.Value))
        {
            (closedAt, status) = (null, DealStatus.Open);
        }

        var source = contact.FirstTouch.Id == "partners" ? DealSource.Partner
            : rng.Chance(0.15) ? DealSource.Sales : DealSource.Marketing;
        var deal = new Deal
        {
            DealId = writer.NextDeal(), ContactId = contact.ContactId, AccountId = accountId, CreatedAt = openedAt,
            ClosedAt = closedAt, Status = status, ListAmount = (decimal)list,
            Amount = Math.Round((decimal)(list * (1 - discount)), 2), Type = DealType.New, Source = source,
        };
        writer.Add(deal, FactKind.Deals);
        return deal;
    }

    private static double IcpRate(SegmentProfile segment, string industry) =>
        segment.Id != "smb" && industry is "software" or "fintech" or "healthcare" ? 0.85 : 0.25;
}
