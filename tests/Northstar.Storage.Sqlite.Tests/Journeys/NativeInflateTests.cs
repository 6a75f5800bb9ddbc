using System.IO.Compression;
using Northstar.Storage.Sqlite.Journeys;

namespace Northstar.Storage.Sqlite.Tests.Journeys;

public sealed class NativeInflateTests
{
    [Fact]
    public void Inflate_ZlibStream_GivesTheBytesZLibStreamGives()
    {
        Assert.True(NativeInflate.Available, "the runtime's zlib was not found: segments inflate through ZLibStream (slower)");
        var original = Rows(300_000);
        var compressed = Compressed(original);
        var output = new byte[original.Length + 10];

        var length = NativeInflate.Inflate(compressed, output);

        Assert.Equal(original.Length, length);
        Assert.Equal(Inflated(compressed), output.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void Inflate_OutputTooSmall_AsksForALargerOne()
    {
        var original = Rows(10_000);

        var length = NativeInflate.Inflate(Compressed(original), new byte[original.Length - 1]);

        Assert.Equal(-1, length);
    }

    [Fact]
    public void Inflate_CorruptStream_Throws()
    {
        var compressed = Compressed(Rows(10_000));
        compressed[compressed.Length / 2] ^= 0xFF;
        compressed[(compressed.Length / 2) + 1] ^= 0xFF;

        Assert.Throws<InvalidDataException>(() => NativeInflate.Inflate(compressed, new byte[1 << 20]));
    }

    /// <summary>Text that compresses like event rows: repeated names and varying numbers.</summary>
    private static byte[] Rows(int length)
    {
        var random = new Random(3);
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
        {
            text.Append("session_start|e").Append(random.Next(1_000_000)).Append("|a").Append(random.Next(50_000)).Append("|google|cpc|paid_search\n");
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString(0, length));
    }

    private static byte[] Compressed(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Inflated(byte[] compressed)
    {
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }
}
