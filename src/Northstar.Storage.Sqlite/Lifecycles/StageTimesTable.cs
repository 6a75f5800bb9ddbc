using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Sql;
using Northstar.Storage.Sqlite.Views;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Lifecycles;

/// <summary>
/// The stored stage times (<c>stage_times</c>, <see cref="StageTimes"/>): the lifecycles that
/// entered a stage, packed into <see cref="Buckets"/> blobs per workspace by a hash of the contact
/// id, each entry the id's hash, the entered stages' times and the numbers of its values in
/// <c>stage_time_values</c> (the workspace's distinct values, numbered from 0, only ever added to
/// between rebuilds). A cohort rate or a stage velocity then reads about 13 MB of numbers at 100M
/// events instead of decoding 369,000 lifecycles. Kept with the stage rollup by
/// <see cref="StageRollupTable"/>, in the same transaction and under the same stale mark.
/// </summary>
/// <remarks>
/// A blob: varint entry count, then per entry the contact id's hash (<see cref="StageTimes.HashOf"/>,
/// its actor hash; 8 bytes, little-endian), a varint of the entered stages' mask (bits 0-8) and the ICP fit (bits 9-10:
/// 0 none, 1 no, 2 yes), the times of the entered stages in stage order as zig-zag varint
/// differences of unix microseconds (the first from 0), and per dimension of
/// <see cref="ContactDims.Names"/> a varint: 0 for none, else the value's number + 1. A refresh
/// rewrites the buckets of the contacts it touched, keeping the other entries' bytes; two contacts
/// of one workspace with the same 64-bit hash would replace each other there (as
/// <see cref="ActorHash"/> accepts for actors).
/// </remarks>
internal static class StageTimesTable
{
    /// <summary>Blobs per workspace: about 360 contacts (13 KB) each at 100M events, a few for a small workspace.</summary>
    public const int Buckets = 1024;

    private static readonly int Dimensions = ContactDims.Names.Count;

    /// <summary>Every stored entry of the workspace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StageTimes Read(sqlite3 db, long workspaceId)
    {
        var values = ReadValues(db, workspaceId);
        var count = NativeSql.ScalarInt64(db, "SELECT coalesce(sum(entries), 0) FROM stage_times WHERE workspace_id = ?1", workspaceId);
        var builder = new StageTimes.Builder(values, (int)count);
        Span<long> ticks = stackalloc long[StageTimes.Stages];
        Span<int> numbers = stackalloc int[Dimensions];
        var stmt = NativeSql.Prepare(db, "SELECT data FROM stage_times WHERE workspace_id = ?1");
        try
        {
            raw.sqlite3_bind_int64(stmt, 1, workspaceId);
            while (NativeSql.StepRow(db, stmt))
            {
                var blob = new EntryReader(FastNative.ColumnBlob(stmt, 0));
                for (var n = blob.Count; n > 0; n--)
                {
                    var hash = blob.Next(ticks, numbers, out var icp);
                    builder.Add(hash, ticks, numbers, icp);
                }
            }
        }
        finally
        {
            raw.sqlite3_finalize(stmt);
        }

        return builder.Build();
    }

    /// <summary>Replaces the workspace's entries (and values) with those of these, all of its, lifecycles.</summary>
    public static void Rebuild(sqlite3 db, long workspaceId, IEnumerable<ContactLifecycle> lifecycles)
    {
        using (var delete = new Statement(db, "DELETE FROM stage_times WHERE workspace_id = ?1"))
        {
            delete.Int(1, workspaceId).Run();
        }

        using (var delete = new Statement(db, "DELETE FROM stage_time_values WHERE workspace_id = ?1"))
        {
            delete.Int(1, workspaceId).Run();
        }

        var values = new StringNumbers();
        var buckets = new Dictionary<int, Bucket>();
        foreach (var lifecycle in lifecycles)
        {
            var hash = StageTimes.HashOf(lifecycle.ContactId);
            Add(buckets, BucketOf(hash), hash, lifecycle, values);
        }

        Write(db, workspaceId, buckets, values, 0);
    }

    /// <summary>Replaces the entries of the contacts of <paramref name="old"/> and <paramref name="now"/> with those of <paramref name="now"/>.</summary>
    public static void Replace(sqlite3 db, long workspaceId, IEnumerable<ContactLifecycle> old, IEnumerable<ContactLifecycle> now)
    {
        var stored = ReadValues(db, workspaceId);
        var values = new StringNumbers(stored);
        var touched = new HashSet<ulong>();
        var buckets = new Dictionary<int, Bucket>();
        foreach (var lifecycle in old)
        {
            var hash = StageTimes.HashOf(lifecycle.ContactId);
            touched.Add(hash);
            buckets.TryAdd(BucketOf(hash), new Bucket());
        }

        foreach (var lifecycle in now)
        {
            var hash = StageTimes.HashOf(lifecycle.ContactId);
            touched.Add(hash);
            Add(buckets, BucketOf(hash), hash, lifecycle, values);
        }

        using (var select = new Statement(db, "SELECT data FROM stage_times WHERE workspace_id = ?1 AND bucket = ?2"))
        {
            foreach (var (number, bucket) in buckets)
            {
                select.Int(1, workspaceId).Int(2, number);
                if (NativeSql.StepRow(db, select.Handle))
                {
                    bucket.KeepUntouched(FastNative.ColumnBlob(select.Handle, 0), touched);
                }

                raw.sqlite3_reset(select.Handle);
            }
        }

        Write(db, workspaceId, buckets, values, stored.Count);
    }

    private static int BucketOf(ulong hash) => (int)((hash ^ (hash >> 32)) & (Buckets - 1));

    private static void Add(Dictionary<int, Bucket> buckets, int number, ulong hash, ContactLifecycle lifecycle, StringNumbers values)
    {
        var mask = 0;
        for (var s = 0; s < StageTimes.Stages; s++)
        {
            mask |= lifecycle.Entered[s] is null ? 0 : 1 << s;
        }

        if (!buckets.TryGetValue(number, out var bucket))
        {
            buckets.Add(number, bucket = new Bucket());
        }

        if (mask != 0)
        {
            bucket.Append(hash, mask, lifecycle, values);
        }
    }

    private static void Write(sqlite3 db, long workspaceId, Dictionary<int, Bucket> buckets, StringNumbers values, int stored)
    {
        using (var upsert = new Statement(db, "INSERT OR REPLACE INTO stage_times(workspace_id, bucket, entries, data) VALUES (?1, ?2, ?3, ?4)"))
        using (var delete = new Statement(db, "DELETE FROM stage_times WHERE workspace_id = ?1 AND bucket = ?2"))
        {
            foreach (var (number, bucket) in buckets)
            {
                if (bucket.Count == 0)
                {
                    delete.Int(1, workspaceId).Int(2, number).Run();
                }
                else
                {
                    upsert.Int(1, workspaceId).Int(2, number).Int(3, bucket.Count).Blob(4, bucket.ToBlob()).Run();
                }
            }
        }

        using var insert = new Statement(db, "INSERT INTO stage_time_values(workspace_id, id, value) VALUES (?1, ?2, ?3)");
        for (var i = stored; i < values.All.Count; i++)
        {
            insert.Int(1, workspaceId).Int(2, i).Text(3, values.All[i]).Run();
        }
    }

    private static List<string> ReadValues(sqlite3 db, long workspaceId)
    {
        var values = new List<string>();
        using var select = new Statement(db, "SELECT id, value FROM stage_time_values WHERE workspace_id = ?1 ORDER BY id");
        foreach (var r in select.Int(1, workspaceId).Rows())
        {
            if (r.Int() != values.Count)
            {
                throw new InvalidDataException($"stage_time_values of workspace {workspaceId}: the values are not numbered 0, 1, 2, ... (missing {values.Count})");
            }

            values.Add(r.SharedText());
        }

        return values;
    }

    /// <summary>One bucket's entries being written: kept bytes of the old blob, then new entries.</summary>
    private sealed class Bucket
    {
        private readonly ArrayBufferWriter<byte> _entries = new(256);

        public int Count { get; private set; }

        public void Append(ulong hash, int mask, ContactLifecycle lifecycle, StringNumbers values)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_entries.GetSpan(8), hash);
            _entries.Advance(8);
            var icp = lifecycle.IcpFit switch { null => 0, false => 1, true => 2 };
            Varints.Write(_entries, (ulong)(mask | icp << StageTimes.Stages));
            var previous = 0L;
            for (var s = 0; s < StageTimes.Stages; s++)
            {
                if (lifecycle.Entered[s] is { } at)
                {
                    var micros = StoreValues.ToMicros(at);
                    Varints.Write(_entries, Varints.ZigZag(micros - previous));
                    previous = micros;
                }
            }

            var dims = ContactDims.Of(lifecycle);
            foreach (var name in ContactDims.Names)
            {
                Varints.Write(_entries, dims.Get(name) is { } value ? (ulong)values.Of(value) + 1 : 0);
            }

            Count++;
        }

        /// <summary>Copies the entries of a stored blob whose contact was not touched.</summary>
        public void KeepUntouched(ReadOnlySpan<byte> blob, HashSet<ulong> touched)
        {
            var reader = new EntryReader(blob);
            Span<long> ticks = stackalloc long[StageTimes.Stages];
            Span<int> numbers = stackalloc int[Dimensions];
            for (var n = reader.Count; n > 0; n--)
            {
                var start = reader.Position;
                var hash = reader.Next(ticks, numbers, out _);
                if (!touched.Contains(hash))
                {
                    blob[start..reader.Position].CopyTo(_entries.GetSpan(reader.Position - start));
                    _entries.Advance(reader.Position - start);
                    Count++;
                }
            }
        }

        public byte[] ToBlob()
        {
            var blob = new ArrayBufferWriter<byte>(_entries.WrittenCount + 5);
            Varints.Write(blob, (ulong)Count);
            blob.Write(_entries.WrittenSpan);
            return blob.WrittenSpan.ToArray();
        }
    }

    /// <summary>Reads a blob's entries one by one.</summary>
    private ref struct EntryReader
    {
        private readonly ReadOnlySpan<byte> _blob;

        private int _at;

        public EntryReader(ReadOnlySpan<byte> blob)
        {
            _blob = blob;
            Count = (int)Varints.Read(_blob, ref _at);
        }

        public int Count { get; }

        public readonly int Position => _at;

        /// <summary>The next entry: its hash, its times as UTC ticks, its value numbers (-1 for none) and ICP fit.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public ulong Next(scoped Span<long> ticks, scoped Span<int> numbers, out bool? icp)
        {
            var hash = BinaryPrimitives.ReadUInt64LittleEndian(_blob.Slice(_at, 8));
            _at += 8;
            var flags = (int)Varints.Read(_blob, ref _at);
            icp = (flags >> StageTimes.Stages) switch { 1 => false, 2 => true, _ => null };
            var micros = 0L;
            for (var s = 0; s < StageTimes.Stages; s++)
            {
                if ((flags & (1 << s)) != 0)
                {
                    micros += Varints.UnZigZag(Varints.Read(_blob, ref _at));
                    ticks[s] = StoreValues.FromMicros(micros).UtcTicks;
                }
                else
                {
                    ticks[s] = StageTimes.NotEntered;
                }
            }

            for (var i = 0; i < numbers.Length; i++)
            {
                numbers[i] = (int)Varints.Read(_blob, ref _at) - 1;
            }

            return hash;
        }
    }
}
