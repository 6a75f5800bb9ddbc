using System.Runtime.CompilerServices;
using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The stage times and <see cref="ContactDims"/> of every lifecycle that entered at least one
/// stage, in columns: what cohort rates and stage velocities read. A store keeps them packed, so
/// that these KPIs read a few megabytes of numbers instead of every lifecycle (369,000 of them at
/// 100M events: strings, touches and ids they do not need). Contacts are in no particular order;
/// the values of the dimensions are shared strings, held once in <see cref="Values"/>.
/// </summary>
public sealed class StageTimes
{
    /// <summary>The number of stages a lifecycle has times for (<see cref="ContactLifecycle.Entered"/>).</summary>
    public const int Stages = 9;

    /// <summary>A stage not entered, in <see cref="EnteredTicks"/>.</summary>
    public const long NotEntered = long.MinValue;

    private readonly ulong[] _contacts;
    private readonly long[][] _entered;
    private readonly int[][] _values;
    private readonly sbyte[] _icp;

    private StageTimes(ulong[] contacts, long[][] entered, int[][] values, sbyte[] icp, string[] strings, int count)
    {
        _contacts = contacts;
        _entered = entered;
        _values = values;
        _icp = icp;
        Values = strings;
        Count = count;
    }

    /// <summary>The number of contacts.</summary>
    public int Count { get; }

    /// <summary>The distinct dimension values the contacts refer to.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Each contact's id as <see cref="HashOf"/> gives it, by contact: what joins other facts to it without its id.</summary>
    public ReadOnlySpan<ulong> ContactHashes => _contacts.AsSpan(0, Count);

    /// <summary>
    /// A contact id's hash: its actor hash (<see cref="ActorHash"/>, stable across processes, the
    /// one distinct counts store). Two ids of one workspace with the same hash would be taken for
    /// one contact where the hash stands for the id, as <see cref="ActorHash"/> accepts for actors.
    /// </summary>
    public static ulong HashOf(string contactId)
    {
        ArgumentNullException.ThrowIfNull(contactId);
        return unchecked((ulong)ActorHash.Of(contactId, null)!.Value);
    }

    /// <summary>When each contact entered <paramref name="stage"/>, as UTC ticks (<see cref="NotEntered"/> when it did not), by contact.</summary>
    public ReadOnlySpan<long> EnteredTicks(Stage stage) => _entered[(int)stage].AsSpan(0, Count);

    /// <summary>The contact's values (<see cref="ContactDims"/>, as its lifecycle has them).</summary>
    public ContactDims Dims(int contact) => new(
        Value(0, contact), Value(1, contact), Value(2, contact), Value(3, contact), Value(4, contact), Value(5, contact), Value(6, contact),
        _icp[contact] switch { 0 => false, 1 => true, _ => null });

    /// <summary>The number in <see cref="Values"/> of the contact's value of one dimension (its place in <see cref="ContactDims.Names"/>), -1 for none.</summary>
    public int ValueNumber(int dimension, int contact) => _values[dimension][contact];

    /// <summary>The stage times of these lifecycles (those that entered no stage left out).</summary>
    public static StageTimes From(IEnumerable<ContactLifecycle> lifecycles)
    {
        ArgumentNullException.ThrowIfNull(lifecycles);
        var values = new StringNumbers();
        var builder = new Builder(values.All, 0);
        Span<long> entered = stackalloc long[Stages];
        Span<int> dims = stackalloc int[ContactDims.Names.Count];
        foreach (var lifecycle in lifecycles)
        {
            var any = false;
            for (var s = 0; s < Stages; s++)
            {
                entered[s] = lifecycle.Entered[s] is { } at ? at.UtcTicks : NotEntered;
                any |= entered[s] != NotEntered;
            }

            if (!any)
            {
                continue;
            }

            var d = ContactDims.Of(lifecycle);
            for (var i = 0; i < dims.Length; i++)
            {
                dims[i] = d.Get(ContactDims.Names[i]) is { } value ? values.Of(value) : -1;
            }

            builder.Add(HashOf(lifecycle.ContactId), entered, dims, d.IcpFit);
        }

        return builder.Build();
    }

    private string? Value(int dimension, int contact) => _values[dimension][contact] is var v and >= 0 ? Values[v] : null;

    /// <summary>Builds the columns contact by contact, values given by their number in a shared list.</summary>
    /// <param name="values">The values; read when <see cref="Build"/> is called (a caller may still add to it until then).</param>
    /// <param name="capacity">Contacts expected (grows past it).</param>
    public sealed class Builder(IReadOnlyList<string> values, int capacity)
    {
        private ulong[] _contacts = new ulong[Math.Max(capacity, 16)];
        private long[][] _entered = [.. Enumerable.Range(0, Stages).Select(_ => new long[Math.Max(capacity, 16)])];
        private int[][] _values = [.. ContactDims.Names.Select(_ => new int[Math.Max(capacity, 16)])];
        private sbyte[] _icp = new sbyte[Math.Max(capacity, 16)];
        private int _count;

        /// <summary>
        /// One contact: the hash of its id (<see cref="HashOf"/>), its UTC ticks per stage (<see cref="NotEntered"/> when not entered), the number
        /// of its value of each of <see cref="ContactDims.Names"/> in the list (-1 for none) and its ICP fit.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ulong contactHash, ReadOnlySpan<long> enteredTicks, ReadOnlySpan<int> valueNumbers, bool? icpFit)
        {
            if (_count == _icp.Length)
            {
                Grow();
            }

            _contacts[_count] = contactHash;
            for (var s = 0; s < Stages; s++)
            {
                _entered[s][_count] = enteredTicks[s];
            }

            for (var i = 0; i < _values.Length; i++)
            {
                _values[i][_count] = valueNumbers[i];
            }

            _icp[_count] = icpFit switch { false => 0, true => 1, null => -1 };
            _count++;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public StageTimes Build()
        {
            var strings = values.ToArray();
            foreach (var column in _values)
            {
                foreach (var number in column.AsSpan(0, _count))
                {
                    if (number >= strings.Length)
                    {
                        throw new InvalidOperationException($"value number {number} is not in the list of {strings.Length} values");
                    }
                }
            }

            return new StageTimes(_contacts, _entered, _values, _icp, strings, _count);
        }

        private void Grow()
        {
            var size = _icp.Length * 2;
            for (var s = 0; s < _entered.Length; s++)
            {
                Array.Resize(ref _entered[s], size);
            }

            for (var i = 0; i < _values.Length; i++)
            {
                Array.Resize(ref _values[i], size);
            }

            Array.Resize(ref _icp, size);
            Array.Resize(ref _contacts, size);
        }
    }
}
