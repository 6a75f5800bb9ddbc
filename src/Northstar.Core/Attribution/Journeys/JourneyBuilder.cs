using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>Builds attribution journeys from a store's facts.</summary>
public static class JourneyBuilder
{
    /// <summary>Actors cut per parallel block.</summary>
    private const int Block = 1 << 15;

    /// <summary>
    /// The journeys of <paramref name="options"/>' goal and period.
    /// <list type="bullet">
    /// <item><b>Actors.</b> A contact's touches are its own events (contact id) and those of every
    /// anonymous id linked to it (<c>ReadIdentities</c>), before or after the link. An anonymous id
    /// never linked is an actor of its own: a visitor who never became a contact, whose journey can
    /// only be non-converting (its <see cref="Journey.ContactId"/> is the anonymous id).</item>
    /// <item><b>Touches.</b> Events of <see cref="JourneyOptions.TouchTypes"/> that have a channel,
    /// by timestamp then event id. A touch of the same channel and campaign as the actor's previous
    /// touch, at most <see cref="JourneyOptions.SameInteraction"/> (30 minutes) after it, is the same
    /// interaction and is dropped.</item>
    /// <item><b>Conversions.</b> A stage: when the contact entered it (lifecycle, skipped stages
    /// filled); value 0, except opportunity (the amount of the contact's first created deal) and
    /// customer (of its first won deal, by close time). Deal created: each deal at its creation,
    /// its amount the value. Won: each won deal at its close. A deal without a contact belongs to
    /// its account's earliest-known contact; without either it is left out.</item>
    /// <item><b>Converting journeys.</b> The actor's touches at or before the conversion, no older
    /// than <see cref="JourneyOptions.LookbackDays"/> before it, and after its previous conversion of
    /// the goal (a second deal does not reuse the first's touches; conversions at one instant share
    /// theirs). A conversion without such a touch is counted in
    /// <see cref="JourneySet.UntouchedConversions"/> and <see cref="JourneySet.UntouchedValue"/>.
    /// The last touch at or before the contact's lead time is flagged
    /// <see cref="Touch.LeadCreation"/>, likewise for opportunity, when it is in the journey.</item>
    /// <item><b>Period.</b> Conversions on a local day (workspace time zone) of
    /// <see cref="JourneyOptions.Period"/> (all time when null). Non-converting journeys: actors
    /// with a touch in the period and no conversion in it (for a stage, not entered by the period
    /// end): their touches in the look-back window up to their last touch in the period, after
    /// their last conversion before it (deal goals).</item>
    /// </list>
    /// Ordered by contact id (ordinal), then conversion time, a non-converting journey last.
    /// A store that implements <see cref="IParallelChannelEventRead"/> hands its events to every
    /// reading thread, which resolves and stages them by actor; any other is read through
    /// <see cref="IFactStore.ReadChannelEvents"/> on one thread. Same journeys either way.
    /// </summary>
    public static JourneySet Build(IFactStore store, Workspace workspace, JourneyOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.LookbackDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SameInteraction, TimeSpan.Zero);

        var period = PeriodInstants.Of(options.Period, workspace.TimeZone);
        var lookback = TimeSpan.FromDays(options.LookbackDays).Ticks;
        // The lifecycles and deals are read while the events are (a second connection, another core).
        var reading = Task.Run(() => ConversionIndex.Build(options.Conversion, store.ReadLifecycles(workspace), store.Read<Deal>(workspace)));
        var from = ReadFrom(period, lookback, options.SameInteraction.Ticks);
        Action<Func<IChannelEventReceiver>> read = store is IParallelChannelEventRead parallel
            ? receivers => parallel.ReadChannelEvents(workspace, options.TouchTypes, from, null, receivers)
            : receivers => ActorTouches.Feed(store.ReadChannelEvents(workspace, options.TouchTypes, from), receivers());
        var touches = ActorTouches.Build(
            read,
            store.ReadIdentities(workspace),
            () => reading.GetAwaiter().GetResult().ByContact.Keys,
            options.SameInteraction);
        var conversions = reading.GetAwaiter().GetResult();
        return Cut(new JourneyCutterInputs(options.Conversion, period, lookback, conversions, touches));
    }

    /// <summary>
    /// Cuts every actor's journeys, in blocks of <see cref="Block"/> actors (in id order) on every
    /// core; the blocks' journeys are joined and their untouched sums added in block order, so the
    /// result does not depend on the number of cores.
    /// </summary>
    private static JourneySet Cut(JourneyCutterInputs inputs)
    {
        var ordered = inputs.Touches.Actors.InIdOrder();
        var blocks = new (List<Journey> Journeys, long Untouched, double Value)[(ordered.Length + Block - 1) / Block];
        Parallel.For(0, blocks.Length, b =>
        {
            var cutter = new JourneyCutter(inputs);
            var journeys = new List<Journey>();
            for (var i = b * Block; i < Math.Min(ordered.Length, (b + 1) * Block); i++)
            {
                cutter.Cut(ordered[i], journeys);
            }

            blocks[b] = (journeys, cutter.UntouchedConversions, cutter.UntouchedValue);
        });

        var all = new List<Journey>(blocks.Sum(b => b.Journeys.Count));
        var (untouched, value) = (0L, 0.0);
        foreach (var block in blocks)
        {
            all.AddRange(block.Journeys);
            (untouched, value) = (untouched + block.Untouched, value + block.Value);
        }

        return new JourneySet(all, untouched, value);
    }

    /// <summary>
    /// The events a period needs: from the look-back before its first instant (and one merge
    /// interval more, to know whether the oldest touch repeats an earlier one) to the end of the
    /// data: the lead or opportunity touch of a journey is the last touch before that moment,
    /// which may come after the period, and only a touch after it tells it is not in the journey.
    /// </summary>
    private static DateTimeOffset? ReadFrom(PeriodInstants period, long lookback, long sameInteraction) =>
        period.Start == long.MinValue ? null
            : new DateTimeOffset(Math.Max(DateTimeOffset.MinValue.UtcTicks, period.Start - lookback - sameInteraction), TimeSpan.Zero);
}
