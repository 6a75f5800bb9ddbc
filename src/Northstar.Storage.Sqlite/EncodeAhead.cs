using System.Runtime.CompilerServices;
namespace Northstar.Storage.Sqlite;

/// <summary>
/// The writers' two-buffer pipeline: while chunk <c>i</c> is written into SQLite on the calling
/// thread, chunk <c>i + 1</c> is encoded into the other buffer on a pool thread.
/// </summary>
internal static class EncodeAhead
{
    /// <summary>
    /// Runs <paramref name="encode"/>(buffer, from, to) and <paramref name="write"/>(buffer, start)
    /// over <paramref name="count"/> rows in chunks of <paramref name="chunkRows"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int count, int chunkRows, Action<int, int, int> encode, Action<int, int> write)
    {
        encode(0, 0, Math.Min(chunkRows, count));
        for (var start = 0; start < count; start += chunkRows)
        {
            var (buffer, next) = (start / chunkRows % 2, start + chunkRows);
            var encoding = next < count ? Task.Run(() => encode(1 - buffer, next, Math.Min(next + chunkRows, count))) : null;
            var written = false;
            try
            {
                write(buffer, start);
                written = true;
            }
            finally
            {
                // The encoder writes into the caller's buffers: it must be done before they are touched again.
                if (written)
                {
                    encoding?.GetAwaiter().GetResult();
                }
                else
                {
                    ((IAsyncResult?)encoding)?.AsyncWaitHandle.WaitOne();
                }
            }
        }
    }
}
