using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Northstar.Storage.Sqlite.Journeys;

/// <summary>
/// Inflates a whole zlib stream into a buffer in one call of the zlib (zlib-ng) the runtime ships
/// for <see cref="ZLibStream"/>: the stream feeds it 8 KiB of input per call and copies each
/// call's output into its window again, about a quarter of the inflating time on event segments.
/// The runtime's native library is not a public API: when it or its exports are not found (a
/// runtime that links it in, or renamed them), <see cref="Available"/> is false and the caller
/// uses <see cref="ZLibStream"/>.
/// </summary>
internal static unsafe class NativeInflate
{
    private const int ZOk = 0;
    private const int ZStreamEnd = 1;
    private const int ZBufError = -5;
    private const int ZlibWindowBits = 15;

    private static readonly delegate* unmanaged<ZStream*, int, int> InitFunction;
    private static readonly delegate* unmanaged<ZStream*, int, int> InflateFunction;
    private static readonly delegate* unmanaged<ZStream*, int> EndFunction;

#pragma warning disable CA1810 // The exports are looked up once, together, or not at all.
    static NativeInflate()
#pragma warning restore CA1810
    {
        var assembly = typeof(ZLibStream).Assembly;
        if ((NativeLibrary.TryLoad("libSystem.IO.Compression.Native", assembly, null, out var library)
                || NativeLibrary.TryLoad("System.IO.Compression.Native", assembly, null, out library))
            && NativeLibrary.TryGetExport(library, "CompressionNative_InflateInit2_", out var init)
            && NativeLibrary.TryGetExport(library, "CompressionNative_Inflate", out var inflate)
            && NativeLibrary.TryGetExport(library, "CompressionNative_InflateEnd", out var end))
        {
            InitFunction = (delegate* unmanaged<ZStream*, int, int>)init;
            InflateFunction = (delegate* unmanaged<ZStream*, int, int>)inflate;
            EndFunction = (delegate* unmanaged<ZStream*, int>)end;
        }
    }

    public static bool Available => InflateFunction != null;

    /// <summary>
    /// Inflates the zlib stream <paramref name="compressed"/> into <paramref name="output"/>: the
    /// length written, or -1 when <paramref name="output"/> is too small (call again with a larger one).
    /// </summary>
    public static int Inflate(ReadOnlySpan<byte> compressed, Span<byte> output)
    {
        fixed (byte* input = compressed)
        fixed (byte* into = output)
        {
            var stream = new ZStream { NextIn = input, AvailIn = (uint)compressed.Length, NextOut = into, AvailOut = (uint)output.Length };
            Check(InitFunction(&stream, ZlibWindowBits));
            try
            {
                var code = InflateFunction(&stream, 0);
                if (code == ZStreamEnd)
                {
                    return output.Length - (int)stream.AvailOut;
                }

                if ((code == ZOk || code == ZBufError) && stream.AvailOut == 0)
                {
                    return -1;
                }

                throw new InvalidDataException($"An event segment does not inflate (zlib code {code}).");
            }
            finally
            {
                EndFunction(&stream);
            }
        }
    }

    private static void Check(int code)
    {
        if (code != ZOk)
        {
            throw new InvalidOperationException($"zlib inflate could not start (code {code}).");
        }
    }

    /// <summary>The runtime's PAL_ZStream.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public byte* NextOut;
        public nint Message;
        public nint InternalState;
        public uint AvailIn;
        public uint AvailOut;
    }
}
