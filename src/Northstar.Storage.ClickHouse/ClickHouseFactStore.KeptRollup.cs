using System.Collections.Concurrent;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Storage.ClickHouse.Client;
using Northstar.Storage.ClickHouse.Schema;

namespace Northstar.Storage.ClickHouse;

/// <summary>
/// The stage rollup and counts, read from the rollup kept in the database for the current data
/// version (<see cref="KeptStageRollup"/>) when there is one; else worked out from the kept
/// lifecycles as before, and then kept for that version, so that the next process reads SQL.
/// </summary>
public sealed partial class ClickHouseFactStore
{
    /// <summary>
    /// Per workspace, the newest data version whose rollup this process set out to keep: once each,
    /// whoever asks (one entry a workspace, not one a version: a server keeps a version after every
    /// tracking batch for months), and the keeping running on tasks of their own.
    /// </summary>
    private readonly VersionKeeping _keeping = new();

    /// <summary>
    /// Answers read from the kept rollup of each workspace's latest mark seen here, by query: the
    /// rows of a mark never change (they are only dropped, and then so is the mark), so a second
    /// engine asking the same reads only the mark. At most <see cref="KeptAnswersLimit"/> a workspace.
    /// </summary>
    private readonly ConcurrentDictionary<long, (KeptMark Mark, ConcurrentDictionary<string, object> Answers)> _keptAnswers = new();

    private const int KeptAnswersLimit = 256;

    /// <summary>
    /// A commit of a write session with at least this many facts (an import, <c>migrate</c>, the
    /// demo) keeps the stage rollup of the version it created right away; smaller ones (tracking's
    /// batches) leave it to the first reader. 10,000 by default; tests lower it.
    /// </summary>
    internal int KeepRollupAtCommitFacts { get; set; } = 10_000;

    /// <summary>
    /// As <see cref="IDerivedViews.ReadStageRollup"/> documents: SQL over the kept rollup of the
    /// current data version, else the kept lifecycles' rollup (which this then keeps).
    /// </summary>
    public IReadOnlyList<StageRollupRow> ReadStageRollup(Workspace workspace, DateRange range, IReadOnlyCollection<ContactMoment>? moments = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var query = $"rollup {range.Start.DayNumber} {range.End.DayNumber} {(moments is null ? "all" : string.Join(',', moments.Select(m => (int)m)))}";
        return FromKept<IReadOnlyList<StageRollupRow>>(
            workspace,
            query,
            mark => KeptStageRollup.ReadRollup(Main, mark, range, moments).AsReadOnly(),
            kept => kept.ReadStageRollup(range, moments));
    }

    /// <summary>
    /// As <see cref="IDerivedViews.ReadStageCounts"/> documents: SQL over the kept per-dimension
    /// counts (a few rows a day), else as <see cref="ReadStageRollup"/>.
    /// </summary>
    public IReadOnlyList<StageCountRow> ReadStageCounts(Workspace workspace, DateRange range, ContactMoment moment, string? dimension)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var query = $"counts {range.Start.DayNumber} {range.End.DayNumber} {(int)moment} {StageRollup.DimensionNumber(dimension)}";
        return FromKept<IReadOnlyList<StageCountRow>>(
            workspace,
            query,
            mark => KeptStageRollup.ReadCounts(Main, mark, range, moment, dimension).AsReadOnly(),
            kept => kept.ReadStageCounts(range, moment, dimension));
    }

    /// <summary>After a committed write session of <paramref name="facts"/> facts: keeps the rollup when the session was large.</summary>
    internal void AfterCommit(Workspace workspace, long facts)
    {
        if (facts < KeepRollupAtCommitFacts)
        {
            return;
        }

        try
        {
            var kept = Kept(workspace);
            if (_keeping.Claim(workspace.Id, kept.Version))
            {
                KeepStageRollup(workspace, kept);
            }
        }
        catch (Exception e) when (e is StoreTransientException or ClickHouseException)
        {
            // The session is committed; the first reader keeps the rollup instead.
        }
    }

    private T FromKept<T>(Workspace workspace, string query, Func<KeptMark, T> fromSql, Func<KeptLifecycles, T> fromLifecycles)
        where T : class
    {
        var mark = KeptStageRollup.FindMark(Main, workspace.Id);
        if (mark.Token != 0)
        {
            var known = _keptAnswers.GetOrAdd(workspace.Id, _ => (mark, new()));
            if (known.Mark != mark)
            {
                known = (mark, new());
                _keptAnswers[workspace.Id] = known;
            }

            if (known.Answers.TryGetValue(query, out var answer))
            {
                return (T)answer;
            }

            var rows = fromSql(mark);
            // A newer version's writer may have dropped this version's rows meanwhile (marks first).
            if (KeptStageRollup.StillMarked(Main, mark))
            {
                if (known.Answers.Count < KeptAnswersLimit)
                {
                    known.Answers[query] = rows;
                }

                return rows;
            }
        }

        var kept = Kept(workspace);
        if (!_keeping.Claim(workspace.Id, kept.Version))
        {
            return fromLifecycles(kept);
        }

        // On a task of its own: the read answers from the lifecycles at once (a dashboard after
        // each tracking commit does not wait for the rows too); Dispose waits for it, so a CLI
        // command keeps the rollup before its process ends.
        _keeping.Start(() => KeepStageRollup(workspace, kept));

        return fromLifecycles(kept);
    }

    /// <summary>Waits for the readers' keeping still running (see <see cref="FromKept"/>).</summary>
    internal void WaitForKeeping() => _keeping.WaitAll();

    /// <summary>The workspaces whose keeping this process remembers having set out on (one entry each).</summary>
    internal int KeepClaims => _keeping.Claims;

    /// <summary>
    /// Keeps the rollup of <paramref name="kept"/> as its version (claimed by the caller, see
    /// <see cref="VersionKeeping.Claim"/>), unless another writer completed it. A commit landing between reading the version and
    /// reading the lifecycles makes them newer than the version they are tagged with; harmless:
    /// readers only read the rows of the current version, which is then the newer one. A failure
    /// is swallowed (the read answers from the lifecycles); rows written before it carry no mark,
    /// so nobody reads them, and the next version's writer drops them.
    /// </summary>
    private void KeepStageRollup(Workspace workspace, KeptLifecycles kept)
    {
        try
        {
            if (KeptStageRollup.IsKept(Main, workspace.Id, kept.Version))
            {
                return;
            }

            var counts = new Dictionary<(ContactMoment, DateOnly, ContactDims), long>();
            StageRollup.Tally(counts, kept.Lifecycles, StageRollup.DaysOf(workspace.TimeZone), 1);
            if (KeptStageRollup.Fits(counts))
            {
                KeptStageRollup.Write(Main, workspace.Id, kept.Version, NewToken(), counts);
            }
        }
        catch (StoreTransientException)
        {
            // The server is away: a later read in this process may try again.
            _keeping.Release(workspace.Id, kept.Version);
        }
        catch (ClickHouseException)
        {
            // The server refused (a memory limit, say): not again for this version in this process;
            // another process, or the next version, tries.
        }
    }

    /// <summary>A random token of a writer's rows, never 0 (the "not kept" of <see cref="KeptMark"/>).</summary>
    private static ulong NewToken() => (ulong)Random.Shared.NextInt64(1, long.MaxValue);
}
