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
        ArgumentNullException.ThrowIfNull(options);
        return Build(store, workspace, [options])[0];
    }

    /// <summary>
    /// The journeys of each of <paramref name="options"/>' goals, as <see cref="Build(IFactStore, Workspace, JourneyOptions)"/>
    /// builds them one by one, from one read of the touch events and one grouping by actor (which
    /// do not depend on the goal). Every entry must have the same look-back, touch types,
    /// same-interaction interval and period (else <see cref="ArgumentException"/>); only the goal differs.
    /// </summary>
    public static IReadOnlyList<JourneySet> Build(IFactStore store, Workspace workspace, IReadOnlyList<JourneyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workspace);
        var first = Validated(options);

        var period = PeriodInstants.Of(first.Period, workspace.TimeZone);
        var lookback = TimeSpan.FromDays(first.LookbackDays).Ticks;
        // The lifecycles and deals are read while the events are (a second connection, another core).
        var reading = Task.Run(() => Conversions(store, workspace, options));
        var from = ReadFrom(period, lookback, first.SameInteraction.Ticks);
        Action<Func<IChannelEventReceiver>> read = store is IParallelChannelEventRead parallel
            ? receivers => parallel.ReadChannelEvents(workspace, first.TouchTypes, from, null, receivers)
            : receivers => ActorTouches.Feed(store.ReadChannelEvents(workspace, first.TouchTypes, from), receivers());
        var touches = ActorTouches.Build(
            read,
            store.ReadIdentities(workspace),
            () => Converted(reading.GetAwaiter().GetResult()),
            first.SameInteraction);
        var conversions = reading.GetAwaiter().GetResult();
        return [.. options.Select((o, i) => Cut(new JourneyCutterInputs(o.Conversion, period, lookback, conversions[i], touches)))];
    }

    /// <summary>The first entry, after checking that every entry differs from it in the goal at most.</summary>
    private static JourneyOptions Validated(IReadOnlyList<JourneyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(options.Count);
        var first = options[0] ?? throw new ArgumentException("An options entry is null.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(first.LookbackDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(first.SameInteraction, TimeSpan.Zero);
        foreach (var o in options)
        {
            if (o is null || o.LookbackDays != first.LookbackDays || o.SameInteraction != first.SameInteraction
                || o.Period != first.Period || !o.TouchTypes.SetEquals(first.TouchTypes))
            {
                throw new ArgumentException("Journeys built together need the same look-back, touch types, same-interaction interval and period; only the goal may differ.", nameof(options));
            }
        }

        return first;
    }

    /// <summary>Each entry's conversion index, from one read of the lifecycles and deals.</summary>
    private static ConversionIndex[] Conversions(IFactStore store, Workspace workspace, IReadOnlyList<JourneyOptions> options)
    {
        var lifecycles = store.ReadLifecycles(workspace);
        IEnumerable<Deal> deals = options.Count == 1 ? store.Read<Deal>(workspace) : store.Read<Deal>(workspace).ToList();
        return [.. options.Select(o => ConversionIndex.Build(o.Conversion, lifecycles, deals))];
    }

    /// <summary>
    /// The contacts converted to any of the goals: actors even without a touch. A contact with no
    /// conversion of a goal and no touch has no journey to it, so the extra actors change nothing.
    /// </summary>
    private static IEnumerable<string> Converted(ConversionIndex[] indexes) =>
        indexes.Length == 1 ? indexes[0].ByContact.Keys : indexes.SelectMany(i => i.ByContact.Keys).Distinct(StringComparer.Ordinal);

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
