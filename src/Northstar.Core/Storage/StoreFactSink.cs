using Northstar.Core.Facts;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Storage;

/// <summary>
/// Writes facts into one workspace of a store, in one write session (one transaction):
/// facts are buffered per kind and written in batches as they fill; <see cref="Complete"/> writes what
/// is left (in <see cref="FactKind"/> order) and commits. Disposing without completing leaves the
/// store as it was.
/// </summary>
public sealed class StoreFactSink : IFactSink
{
    private readonly IFactWriteSession _session;
    private readonly Batch?[] _batches = new Batch?[Enum.GetValues<FactKind>().Length];
    private readonly int _batchSize;
    private bool _completed;

    /// <summary>Begins the write session.</summary>
    /// <param name="store">The store to write to.</param>
    /// <param name="workspace">The workspace the facts belong to.</param>
    /// <param name="batchSize">Facts per <see cref="IFactWriteSession.Write{TFact}"/> call.</param>
    public StoreFactSink(IFactStore store, Workspace workspace, int batchSize = 10_000)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _session = store.BeginWrite(workspace);
    }

    /// <summary>Facts the session refused because their key was written before with other values.</summary>
    public long Conflicts { get; private set; }

    /// <inheritdoc />
    public void Add<TFact>(TFact fact)
        where TFact : class, IFact
    {
        ArgumentNullException.ThrowIfNull(fact);
        ObjectDisposedException.ThrowIf(_completed, this);
        var kind = FactKinds.Of(fact.GetType());
        var batch = _batches[(int)kind] ??= Batch.For(kind, _batchSize);
        if (batch.Add(fact))
        {
            Conflicts += batch.Flush(_session);
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        foreach (var batch in _batches)
        {
            if (batch is not null)
            {
                Conflicts += batch.Flush(_session);
            }
        }

        _session.Commit();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _completed = true;
        _session.Dispose();
    }

    private abstract class Batch
    {
        public static Batch For(FactKind kind, int size) => kind switch
        {
            FactKind.Events => new Batch<EventFact>(size),
            FactKind.Contacts => new Batch<Contact>(size),
            FactKind.Stages => new Batch<StageChange>(size),
            FactKind.Accounts => new Batch<Account>(size),
            FactKind.Deals => new Batch<Deal>(size),
            FactKind.Spend => new Batch<Spend>(size),
            FactKind.Subscriptions => new Batch<Subscription>(size),
            FactKind.Surveys => new Batch<SurveyAnswer>(size),
            FactKind.Series => new Batch<SeriesPoint>(size),
            FactKind.Activities => new Batch<Activity>(size),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        /// <summary>Adds a fact; true when the batch is full.</summary>
        public abstract bool Add(IFact fact);

        /// <summary>Writes and clears the batch; returns the number of conflicts.</summary>
        public abstract int Flush(IFactWriteSession session);
    }

    private sealed class Batch<TFact>(int size) : Batch
        where TFact : class, IFact
    {
        private readonly TFact[] _items = new TFact[size];
        private readonly List<int> _conflicts = [];
        private int _count;

        public override bool Add(IFact fact)
        {
            _items[_count++] = (TFact)fact;
            return _count == _items.Length;
        }

        public override int Flush(IFactWriteSession session)
        {
            if (_count == 0)
            {
                return 0;
            }

            _conflicts.Clear();
            session.Write<TFact>(_items.AsSpan(0, _count), _conflicts);
            Array.Clear(_items, 0, _count);
            _count = 0;
            return _conflicts.Count;
        }
    }
}
