using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>
/// One anonymous visitor's whole journey, written at once: the first-touch session, returns
/// through other channels, and (for converters) the form fill on the last visit, after which
/// <see cref="ContactLifecycle"/> takes over. Only the first-touch channel decides whether the
/// visitor converts; later visits are assists without causal effect on the lead (in the assists
/// variant they are handed to the contact, whose qualification they raise).
/// </summary>
internal sealed class VisitorSimulator
{
    private readonly Xoshiro _rng;
    private readonly FactWriter _writer;
    private readonly SessionSimulator _sessions;
    private readonly ContactLifecycle _lifecycle;
    private readonly ReturnTraffic _returns;
    private readonly ShockTable _shocks;
    private readonly double _abLift;
    private readonly List<ChannelProfile>? _returnChannels;

    public VisitorSimulator(
        Xoshiro rng, FactWriter writer, SessionSimulator sessions, ContactLifecycle lifecycle, ReturnTraffic returns, ShockTable shocks,
        double abLift, bool assists = false)
    {
        _returnChannels = assists ? [] : null;
        _rng = rng;
        _writer = writer;
        _sessions = sessions;
        _lifecycle = lifecycle;
        _returns = returns;
        _shocks = shocks;
        _abLift = abLift;
    }

    /// <summary>Simulates a visitor whose first touch is <paramref name="channel"/> on <paramref name="day"/>.</summary>
    public void Simulate(ChannelProfile channel, string? campaign, DateOnly day)
    {
        var anonymousId = _writer.NextAnonymous();
        var start = TimeOfDay(day);
        var first = new Visit
        {
            AnonymousId = anonymousId, Channel = channel, Campaign = campaign, Start = start,
            LandingPage = _rng.Pick(channel.LandingPages), AdClick = channel.Paid,
        };

        var shock = _shocks.Stage(Stage.Lead, channel.Id, day);
        if (CompanyModel.AbChannels.Contains(channel.Id) && _rng.Chance(CompanyModel.AbShare))
        {
            SimulateAbVisitor(first, shock);
            return;
        }

        var converts = _rng.Chance(channel.LeadRate * shock);
        var visits = 1 + (converts ? _rng.Geometric(CompanyModel.ConverterReturnStop, CompanyModel.ConverterMaxReturns) : _rng.Geometric(0.7, 3));
        var visit = first with { LandingPage = first.LandingPage == CompanyModel.AbLandingPage ? "/pricing" : first.LandingPage };
        _returnChannels?.Clear();
        for (var i = 0; i < visits; i++)
        {
            if (i > 0)
            {
                _returnChannels?.Add(visit.Channel);
            }

            var last = i == visits - 1;
            var outcome = last && converts ? VisitOutcome.SubmitForm
                : _rng.Chance(0.03) ? VisitOutcome.AbandonForm : VisitOutcome.Browse;
            visit = visit with { Outcome = outcome };
            if (outcome == VisitOutcome.SubmitForm)
            {
                Convert(visit, channel, campaign);
                return;
            }

            _sessions.Write(visit);
            visit = _returns.Next(anonymousId, null, visit.Start + _rng.Days(0.3, 10));
        }
    }

    private void SimulateAbVisitor(Visit first, double shock)
    {
        var variantB = _rng.Chance(0.5);
        var converts = _rng.Chance(CompanyModel.AbRate(variantB, _abLift) * shock);
        var visit = first with
        {
            LandingPage = CompanyModel.AbLandingPage, Variant = variantB ? "B" : "A",
            Outcome = converts ? VisitOutcome.SubmitForm : VisitOutcome.Browse,
        };
        if (converts)
        {
            _returnChannels?.Clear();
            Convert(visit, first.Channel, first.Campaign);
            return;
        }

        _sessions.Write(visit);
    }

    private void Convert(Visit visit, ChannelProfile firstTouch, string? campaign)
    {
        var contactId = _writer.NextContact();
        var submittedAt = _sessions.Write(visit, contactId);
        _lifecycle.Run(new NewContact(contactId, visit.AnonymousId, firstTouch, campaign, submittedAt)
        {
            Returns = _returnChannels is null ? [] : [.. _returnChannels],
        });
    }

    private DateTimeOffset TimeOfDay(DateOnly day)
    {
        // Three visits in four come in business hours; none before 00:15 so the ad events stay on the day.
        var seconds = _rng.Chance(0.75) ? _rng.Between(8 * 3600, 18 * 3600) : _rng.Between(900, 86_399);
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(seconds);
    }
}
