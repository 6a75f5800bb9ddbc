using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>
/// A contact's qualification in the assists variant: lead to IQL as usual, then the touches of
/// the qualification window (return visits through the return mix and clicked nurture emails,
/// drawn before anything is decided), then the MQL decision those touches take part in.
/// </summary>
/// <remarks>
/// The window runs from the IQL decision to the usual IQL-to-MQL delay after it. Going through
/// the window's touches in time order, each touch through a channel the contact has not seen
/// before (pre-lead returns included) qualifies it with the channel's chance, and the MQL follows
/// minutes later. A contact no touch qualified becomes an MQL at the window's end with
/// 1 - (1 - base x rate) x product over its pre-lead return channels of (1 - chance). So a fit
/// contact (IQL) stays unqualified with probability (1 - base x rate) x product, over the distinct
/// channels of all its touches, of (1 - chance): what <see cref="AssistEffects"/> takes the
/// expectation of. Later stages follow the first-touch channel's rates, as in the default.
/// </remarks>
internal sealed class AssistFunnel(Xoshiro rng, FactWriter writer, SessionSimulator sessions, ReturnTraffic returns, ShockTable shocks)
{
    private const int NurtureWeeks = 8;
    private static readonly ChannelProfile Email = DemoChannels.All.First(c => c.Id == "email");
    private readonly List<Visit> _touches = [];
    private readonly HashSet<string> _seen = [];

    /// <summary>
    /// Fills <paramref name="times"/>[1] (IQL) and [2] (MQL) when reached and writes the window's
    /// touches; returns whether the contact qualified (the walk goes on from MQL).
    /// </summary>
    public bool Qualify(NewContact contact, SegmentProfile segment, DateTimeOffset?[] times)
    {
        var channel = contact.FirstTouch;
        var iqlAt = contact.CreatedAt + Delay(0, segment);
        var fit = rng.Chance(Math.Min(1.0, channel.StageRates[0] * shocks.Stage(Stage.Iql, channel.Id, iqlAt)));
        var windowEnd = iqlAt + Delay(1, segment);
        DrawTouches(contact, iqlAt, windowEnd);
        DateTimeOffset? mqlAt = null;
        if (fit)
        {
            times[1] = iqlAt;
            mqlAt = Decide(contact, windowEnd);
            times[2] = mqlAt;
        }

        WriteTouches(contact, mqlAt);
        return mqlAt is not null;
    }

    private TimeSpan Delay(int stage, SegmentProfile segment)
    {
        var (min, max) = CompanyModel.StageDelays[stage];
        return rng.Days(min * segment.CycleMultiplier, max * segment.CycleMultiplier);
    }

    private void DrawTouches(NewContact contact, DateTimeOffset from, DateTimeOffset to)
    {
        _touches.Clear();
        var span = (to - from).TotalDays;
        var visits = rng.Poisson(AssistModel.ReturnsPerLead);
        for (var i = 0; i < visits; i++)
        {
            var visit = returns.Next(contact.AnonymousId, contact.ContactId, from + rng.Days(0, span), AssistModel.WindowMix);
            _touches.Add(visit);
            if (visit.Channel.Id == "direct")
            {
                var repeats = rng.Geometric(AssistModel.DirectRepeatStop, AssistModel.DirectRepeatMax);
                for (var r = 0; r < repeats; r++)
                {
                    visit = visit with { Start = visit.Start + rng.Hours(1, 48), LandingPage = rng.Pick(DemoChannels.SitePages) };
                    _touches.Add(visit);
                }
            }
        }

        var clicks = rng.Poisson(AssistModel.NurtureClicksPerLead);
        for (var i = 0; i < clicks; i++)
        {
            var at = from + rng.Days(0, span);
            var week = Math.Clamp(1 + (int)((at - contact.CreatedAt).TotalDays / 7), 1, NurtureWeeks);
            _touches.Add(new Visit
            {
                AnonymousId = contact.AnonymousId, ContactId = contact.ContactId, Channel = Email, Campaign = $"nurture_{week}",
                LandingPage = "/blog", Start = at,
            });
        }

        _touches.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private DateTimeOffset? Decide(NewContact contact, DateTimeOffset windowEnd)
    {
        _seen.Clear();
        var unqualified = 1.0;
        foreach (var seen in contact.Returns)
        {
            if (_seen.Add(seen.Id))
            {
                unqualified *= 1 - AssistModel.Chance(seen.Id);
            }
        }

        foreach (var touch in _touches)
        {
            if (_seen.Add(touch.Channel.Id) && rng.Chance(AssistModel.Chance(touch.Channel.Id)))
            {
                var (min, max) = AssistModel.QualifyHours;
                return touch.Start + rng.Hours(min, max);
            }
        }

        var channel = contact.FirstTouch;
        var rate = Math.Min(1.0, AssistModel.BaseShare * channel.StageRates[1] * shocks.Stage(Stage.Mql, channel.Id, windowEnd));
        return rng.Chance(1 - ((1 - rate) * unqualified)) ? windowEnd : null;
    }

    /// <summary>Return visits all happen; nurture emails stop once the contact is an MQL.</summary>
    private void WriteTouches(NewContact contact, DateTimeOffset? mqlAt)
    {
        foreach (var touch in _touches)
        {
            if (touch.Channel != Email)
            {
                sessions.Write(touch);
            }
            else if (mqlAt is not { } mql || touch.Start < mql)
            {
                WriteNurtureClick(contact, touch);
            }
        }
    }

    private void WriteNurtureClick(NewContact contact, Visit touch)
    {
        // Sent and opened before the click, never before the contact exists.
        var room = touch.Start - contact.CreatedAt;
        var sent = rng.Hours(1, 48);
        var opened = TimeSpan.FromSeconds(rng.Between(5, 300));
        AddEmail(contact, EventType.EmailSent, touch.Start - (sent < room ? sent : room), touch.Campaign!);
        AddEmail(contact, EventType.EmailOpen, touch.Start - (opened < room ? opened : room), touch.Campaign!);
        AddEmail(contact, EventType.EmailClick, touch.Start, touch.Campaign!);
        sessions.Write(touch with { Start = touch.Start.AddSeconds(2) });
    }

    private void AddEmail(NewContact contact, EventType type, DateTimeOffset at, string campaign) =>
        writer.Add(new EventFact
        {
            Id = writer.NextEvent(), Timestamp = at, Type = type, ContactId = contact.ContactId,
            Source = "nurture", Medium = "email", Campaign = campaign, Channel = "email",
        });
}
