using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>
/// The touches around a contact's funnel walk: nurture emails until MQL, returning visits through
/// other channels, and sales work (first touch after MQL within the SLA or not, meetings, content).
/// </summary>
internal sealed class ContactTouches(Xoshiro rng, FactWriter writer, SessionSimulator sessions, ReturnTraffic returns)
{
    private const int NurtureWeeks = 8;
    private static readonly string[] NurtureCampaigns = [.. Enumerable.Range(1, NurtureWeeks).Select(i => $"nurture_{i}")];
    private static readonly ChannelProfile Email = DemoChannels.All.First(c => c.Id == "email");

    public void Write(NewContact contact, string owner, string accountId, DateTimeOffset?[] times)
    {
        WriteNurture(contact, times);
        WriteReturns(contact, times);
        WriteSales(contact.ContactId, owner, accountId, times);
    }

    /// <summary>Sales work only: in the assists variant <see cref="AssistFunnel"/> writes the nurture clicks and return visits.</summary>
    public void WriteSales(NewContact contact, string owner, string accountId, DateTimeOffset?[] times) =>
        WriteSales(contact.ContactId, owner, accountId, times);

    private void WriteNurture(NewContact contact, DateTimeOffset?[] times)
    {
        var stopAt = times[(int)Stage.Mql] ?? contact.CreatedAt.AddDays(7 * NurtureWeeks);
        for (var week = 1; week <= NurtureWeeks; week++)
        {
            var sentAt = contact.CreatedAt.AddDays(7 * week).AddMinutes(rng.Between(0, 600));
            if (sentAt > stopAt || !writer.InPeriod(sentAt))
            {
                return;
            }

            var campaign = NurtureCampaigns[week - 1];
            AddEmail(contact, EventType.EmailSent, sentAt, campaign);
            if (!rng.Chance(0.35))
            {
                continue;
            }

            var openedAt = sentAt.AddMinutes(rng.Between(5, 2880));
            AddEmail(contact, EventType.EmailOpen, openedAt, campaign);
            if (rng.Chance(0.2))
            {
                var clickedAt = openedAt.AddSeconds(rng.Between(5, 300));
                AddEmail(contact, EventType.EmailClick, clickedAt, campaign);
                sessions.Write(new Visit
                {
                    AnonymousId = contact.AnonymousId, ContactId = contact.ContactId, Channel = Email, Campaign = campaign,
                    LandingPage = "/blog", Start = clickedAt.AddSeconds(2),
                });
            }

            if (rng.Chance(0.05))
            {
                AddEmail(contact, EventType.EmailReply, openedAt.AddMinutes(rng.Between(2, 600)), campaign);
            }
        }
    }

    private void WriteReturns(NewContact contact, DateTimeOffset?[] times)
    {
        var last = contact.CreatedAt;
        foreach (var t in times)
        {
            if (t is { } at)
            {
                last = at;
            }
        }

        var span = (last - contact.CreatedAt).TotalDays + 14;
        var count = rng.Poisson(1.0);
        for (var i = 0; i < count; i++)
        {
            var at = contact.CreatedAt + rng.Days(0.1, span);
            sessions.Write(returns.Next(contact.AnonymousId, contact.ContactId, at));
        }
    }

    private void WriteSales(string contactId, string owner, string accountId, DateTimeOffset?[] times)
    {
        if (times[(int)Stage.Mql] is { } mql)
        {
            var delay = rng.Chance(CompanyModel.SlaCompliance) ? rng.Hours(0.25, CompanyModel.SlaHours - 0.5) : rng.Hours(25, 120);
            var kind = rng.Chance(0.6) ? ActivityKind.SalesCall : ActivityKind.SalesEmail;
            AddActivity(contactId, owner, accountId, mql + delay, kind, null);
        }

        if (times[(int)Stage.Sql] is { } sql)
        {
            var meetingAt = sql + rng.Hours(1, 72);
            AddEvent(contactId, EventType.MeetingBooked, sql.AddMinutes(rng.Between(1, 30)), null);
            AddActivity(contactId, owner, accountId, meetingAt, ActivityKind.Meeting, null);
        }

        if (times[(int)Stage.Opportunity] is { } opportunity)
        {
            var asset = rng.Pick(CompanyModel.SalesAssets);
            var at = opportunity + rng.Hours(1, 96);
            AddActivity(contactId, owner, accountId, at, ActivityKind.Meeting, asset);
            AddEvent(contactId, EventType.ContentUsed, at, asset);
        }

        if (times[(int)Stage.Proposal] is { } proposal)
        {
            AddActivity(contactId, owner, accountId, proposal + rng.Hours(1, 48), ActivityKind.SalesEmail, "proposal_template");
        }
    }

    private void AddEmail(NewContact contact, EventType type, DateTimeOffset at, string campaign) =>
        writer.Add(new EventFact
        {
            Id = writer.NextEvent(), Timestamp = at, Type = type, AnonymousId = null, ContactId = contact.ContactId,
            Source = "nurture", Medium = "email", Campaign = campaign, Channel = "email",
        });

    private void AddEvent(string contactId, EventType type, DateTimeOffset at, string? asset) =>
        writer.Add(new EventFact { Id = writer.NextEvent(), Timestamp = at, Type = type, ContactId = contactId, Asset = asset });

    private void AddActivity(string contactId, string owner, string accountId, DateTimeOffset at, ActivityKind kind, string? asset)
    {
        if (writer.InPeriod(at))
        {
            writer.Add(new Activity
            {
                ActivityId = writer.NextActivity(), Timestamp = at, ContactId = contactId, AccountId = accountId,
                Kind = kind, Asset = asset, Owner = owner,
            }, FactKind.Activities);
        }
    }
}
