using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Northstar.Core.Metrics.Views;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// Each actor's earliest events seen so far in a session (touch, form submission, any event),
/// the fold's per-event lookup. Built for one memory access an event on a table of hundreds of
/// thousands of actors: a flat open-addressing array (linear probing, at most half full) whose
/// slot holds the actor's 64-bit hash, its id's length and first eight code units (the whole of
/// a short id: no read of the stored string, a cache miss that cost a sixth of the fold) and the
/// times of its three candidates, so an event later than what is held (by far the most common
/// case) is decided in that one slot. The rest of a candidate (event id, dimension tuple) and the
/// id itself live in a dense side array, read for an id longer than eight code units and written
/// only when an event wins. Two ids with the same hash take two slots (the id decides), so the
/// firsts stay exact.
/// </summary>
internal sealed class CandidateTable
{
    private const long None = long.MaxValue;

    private Slot[] _slots = new Slot[1024];
    private int _shift = 64 - 10;
    private Details[] _details = new Details[512];

    /// <summary>The number of actors held.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Offers an event (<paramref name="candidate"/>) of actor (<paramref name="isContact"/>,
    /// <paramref name="id"/>, whose <see cref="ActorHash"/> is <paramref name="hash"/>) as its
    /// first touch, form submission and/or event.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Offer(long hash, bool isContact, string id, in FirstCandidate candidate, bool touch, bool form, bool any)
    {
        ref var slot = ref Find(hash, isContact, id);
        var micros = candidate.Micros;
        // Strictly later than every held time it is offered for: nothing to do (no tie to break).
        if ((!touch || micros > slot.Touch) && (!form || micros > slot.Form) && (!any || micros > slot.Any))
        {
            return;
        }

        ref var details = ref _details[slot.Details - 1];
        if (touch && micros <= slot.Touch && candidate.Before(details.Touch))
        {
            (details.Touch, slot.Touch) = (candidate, micros);
        }

        if (form && micros <= slot.Form && candidate.Before(details.Form))
        {
            (details.Form, slot.Form) = (candidate, micros);
        }

        if (any && micros <= slot.Any && candidate.Before(details.Any))
        {
            (details.Any, slot.Any) = (candidate, micros);
        }
    }

    /// <summary>
    /// Asks the CPU to fetch the slot of actor <paramref name="hash"/> into cache (stage 1) or,
    /// for an id longer than a slot holds, the details where it is compared (stage 2, which
    /// needs the slot already there), so a fold that announces its events a few ahead does not
    /// wait on memory for each: the table is megabytes, and an import's actors come in random order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(long hash, string id, bool stage2)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        ref var slot = ref _slots[(int)(((ulong)hash * 0x9E3779B97F4A7C15) >> _shift)];
        if (!stage2)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref slot));
            return;
        }

        // The event's own id (read for the slot's eight code units; last read on the encoding thread's core).
        Sse.Prefetch0((void*)Unsafe.As<string, nint>(ref id));
        if (id.Length > 8 && slot.Details != 0)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref _details[slot.Details - 1]));
        }
    }

    /// <summary>The candidates held, by slot (<see cref="FirstSlot"/>), in the order the actors came.</summary>
    public IEnumerable<(FirstSlot Slot, FirstCandidate Event)> Firsts()
    {
        for (var i = 0; i < Count; i++)
        {
            var d = _details[i];
            if (d.Touch is { } touch)
            {
                yield return (new FirstSlot(FirstKind.Touch, d.IsContact, d.ActorId), touch);
            }

            if (d.Form is { } form)
            {
                yield return (new FirstSlot(FirstKind.FormSubmit, d.IsContact, d.ActorId), form);
            }

            if (d.Any is { } anyEvent)
            {
                yield return (new FirstSlot(FirstKind.AnyEvent, d.IsContact, d.ActorId), anyEvent);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Slot Find(long hash, bool isContact, string id)
    {
        var (head0, head1) = Head(id);
        var length = isContact ? ~id.Length : id.Length;
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = (int)(((ulong)hash * 0x9E3779B97F4A7C15) >> _shift); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Details == 0)
            {
                return ref Add(hash, isContact, id, length, head0, head1);
            }

            if (slot.Hash == hash && slot.Length == length && slot.Head0 == head0 && slot.Head1 == head1
                && (id.Length <= 8 || string.Equals(_details[slot.Details - 1].ActorId, id, StringComparison.Ordinal)))
            {
                return ref slot;
            }
        }
    }

    /// <summary>The first eight UTF-16 code units of <paramref name="id"/> as two numbers, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Head0, ulong Head1) Head(string id)
    {
        var bytes = MemoryMarshal.AsBytes(id.AsSpan());
        if (bytes.Length >= 16)
        {
            return (MemoryMarshal.Read<ulong>(bytes), MemoryMarshal.Read<ulong>(bytes[8..]));
        }

        Span<byte> head = stackalloc byte[16];
        head.Clear();
        bytes.CopyTo(head);
        return (MemoryMarshal.Read<ulong>(head), MemoryMarshal.Read<ulong>(head[8..]));
    }

    private ref Slot Add(long hash, bool isContact, string id, int length, ulong head0, ulong head1)
    {
        if ((Count + 1) * 4 > _slots.Length * 3)
        {
            Grow();
        }

        if (Count == _details.Length)
        {
            Array.Resize(ref _details, _details.Length * 2);
        }

        _details[Count] = new Details { IsContact = isContact, ActorId = id };
        ref var slot = ref Place(_slots, _shift, hash);
        slot = new Slot { Hash = hash, Length = length, Head0 = head0, Head1 = head1, Details = Count + 1, Touch = None, Form = None, Any = None };
        Count++;
        return ref slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var old = _slots;
        (_slots, _shift) = (new Slot[old.Length * 2], _shift - 1);
        foreach (var slot in old)
        {
            if (slot.Details != 0)
            {
                Place(_slots, _shift, slot.Hash) = slot;
            }
        }
    }

    /// <summary>The first free slot on <paramref name="hash"/>'s probe path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ref Slot Place(Slot[] slots, int shift, long hash)
    {
        var mask = slots.Length - 1;
        var i = (int)(((ulong)hash * 0x9E3779B97F4A7C15) >> shift);
        while (slots[i].Details != 0)
        {
            i = (i + 1) & mask;
        }

        return ref slots[i];
    }

    /// <summary>A slot: no references, so writing one costs no GC card marking.</summary>
    private struct Slot
    {
        public long Hash;
        public long Touch;
        public long Form;
        public long Any;
        // The id's first eight UTF-16 code units (zero-padded): an id of at most eight is
        // compared here in full, without reading the stored string (another cache miss).
        public ulong Head0;
        public ulong Head1;
        // Index into the details + 1 (0: the slot is free).
        public int Details;
        // The id's length, bitwise-complemented for a contact (so contact "x" and anonymous "x" differ).
        public int Length;
    }

    private struct Details
    {
        public string ActorId;
        public bool IsContact;
        public FirstCandidate? Touch;
        public FirstCandidate? Form;
        public FirstCandidate? Any;
    }
}
