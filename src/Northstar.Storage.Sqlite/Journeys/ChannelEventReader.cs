using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Storage.Sqlite.Sql;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Journeys;

/// <summary>
/// The store's fast <see cref="IFactStore.ReadChannelEvents"/>: segments outside the time range
/// are skipped by their stored min and max time; the others are read on one thread, inflated
/// and decoded (<see cref="ChannelRowDecoder"/>) on every core, and their events handed to the
/// caller as they come, a bounded number of segments ahead, so memory stays flat. The parallel
/// read (<see cref="ReadInto"/>) skips the hand-over: each decoding thread gives its events, ids
/// as UTF-8, to a receiver of its own.
/// </summary>
internal static class ChannelEventReader
{
    private const string Sql =
        "SELECT data, dead FROM event_segments WHERE workspace_id = ?1 AND coalesce(max_time, ?2) >= ?2 AND coalesce(min_time, ?3) < ?3";

    /// <summary>Arrays of events decoded but not yet taken by the caller, at most.</summary>
    private const int Ahead = 64;

    /// <summary>Events per array handed to the caller (64 KiB: below the large-object heap's 85,000 bytes).</summary>
    private const int Handed = 1024;

    public static IEnumerable<ChannelEvent> Read(
        Func<SqliteConnection> open, long workspaceId, IReadOnlySet<EventType> types, DateTimeOffset? from, DateTimeOffset? until)
    {
        var range = (From: from is { } f ? StoreValues.ToMicros(f) : long.MinValue, Until: until is { } u ? StoreValues.ToMicros(u) : long.MaxValue);
        if (types.Count == 0 || range.From >= range.Until)
        {
            yield break;
        }

        using var cancel = new CancellationTokenSource();
        using var ready = new BlockingCollection<ChannelEvent[]>(Ahead);
        var producer = Task.Run(() => Produce(open, workspaceId, types, range, ready, cancel.Token), CancellationToken.None);
        try
        {
            foreach (var batch in ready.GetConsumingEnumerable(CancellationToken.None))
            {
                foreach (var found in batch)
                {
                    yield return found;
                }
            }

            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // A caller that stops early: the producer ends at its next segment.
            cancel.Cancel();
            ((IAsyncResult)producer).AsyncWaitHandle.WaitOne();
        }
    }

    /// <summary>
    /// The parallel read (<see cref="IParallelChannelEventRead"/>): every decoding thread hands its
    /// events straight to a receiver of its own, nothing is queued for one consuming thread.
    /// </summary>
    public static void ReadInto(
        Func<SqliteConnection> open, long workspaceId, IReadOnlySet<EventType> types, DateTimeOffset? from, DateTimeOffset? until,
        Func<IChannelEventReceiver> newReceiver)
    {
        var range = (From: from is { } f ? StoreValues.ToMicros(f) : long.MinValue, Until: until is { } u ? StoreValues.ToMicros(u) : long.MaxValue);
        if (types.Count == 0 || range.From >= range.Until)
        {
            return;
        }

        using var connection = open();
        using var blobs = Blobs(connection.Handle!, workspaceId, range).GetEnumerator();
        // One worker per core, each with one decoder and one receiver, taking the next segment as it is free.
        var workers = Environment.ProcessorCount;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
            Work(blobs, new ChannelRowDecoder(types, range.From, range.Until), newReceiver()));
    }

    /// <summary>Decodes segments into <paramref name="receiver"/> until none is left (the shared enumerator stepped under its lock).</summary>
    private static void Work(IEnumerator<StoredBlob> blobs, ChannelRowDecoder decoder, IChannelEventReceiver receiver)
    {
        while (true)
        {
            StoredBlob blob;
            lock (blobs)
            {
                if (!blobs.MoveNext())
                {
                    return;
                }

                blob = blobs.Current;
            }

            try
            {
                decoder.Decode(blob.Data, blob.Length, blob.Dead, receiver);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(blob.Data);
            }
        }
    }

    private static void Produce(
        Func<SqliteConnection> open, long workspaceId, IReadOnlySet<EventType> types, (long From, long Until) range,
        BlockingCollection<ChannelEvent[]> ready, CancellationToken cancel)
    {
        try
        {
            using var connection = open();
            var db = connection.Handle!;
            using var decoders = new ThreadLocal<ChannelRowDecoder>(() => new ChannelRowDecoder(types, range.From, range.Until));
            var parallel = new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.ForEach(Blobs(db, workspaceId, range), parallel, blob =>
            {
                var found = decoders.Value!.Found;
                found.Clear();
                try
                {
                    decoders.Value!.Decode(blob.Data, blob.Length, blob.Dead, found);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(blob.Data);
                }

                // Handed on in small arrays, under the large-object size: large ones cost full collections.
                var all = CollectionsMarshal.AsSpan(found);
                for (var at = 0; at < all.Length; at += Handed)
                {
                    ready.Add(all.Slice(at, Math.Min(Handed, all.Length - at)).ToArray(), cancel);
                }
            });
        }

        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The caller stopped reading.
        }
        finally
        {
            ready.CompleteAdding();
        }
    }

    /// <summary>The segments' blobs, copied out of SQLite (Parallel.ForEach steps this under its lock, one thread at a time).</summary>
    private static IEnumerable<StoredBlob> Blobs(sqlite3 db, long workspaceId, (long From, long Until) range)
    {
        var stmt = NativeSql.Prepare(db, Sql);
        try
        {
            raw.sqlite3_bind_int64(stmt, 1, workspaceId);
            raw.sqlite3_bind_int64(stmt, 2, range.From);
            raw.sqlite3_bind_int64(stmt, 3, range.Until);
            while (NativeSql.StepRow(db, stmt))
            {
                var data = raw.sqlite3_column_blob(stmt, 0);
                var copy = ArrayPool<byte>.Shared.Rent(data.Length);
                data.CopyTo(copy);
                yield return new StoredBlob(copy, data.Length, raw.sqlite3_column_blob(stmt, 1).ToArray());
            }
        }
        finally
        {
            raw.sqlite3_finalize(stmt);
        }
    }

    private sealed record StoredBlob(byte[] Data, int Length, byte[] Dead);
}
