using System.Text;
using Northstar.Core.Import.Csv;

namespace Northstar.Core.Tests.Import;

public sealed class Utf8CsvReaderTests
{
    private const string Tricky = "\uFEFFa,b,c\r\n"
        + "1,\"x,\"\"y\"\"\",\r\n"
        + "\r\n"
        + "\"multi\nline\",\"\",\"\"\"\"\n"
        + "ünï,cödé,✓\n"
        + "last,\"q\"\"\",end";

    private static readonly string[][] Expected =
    [
        ["a", "b", "c"],
        ["1", "x,\"y\"", ""],
        ["multi\nline", "", "\""],
        ["ünï", "cödé", "✓"],
        ["last", "q\"", "end"],
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(1 << 20)]
    public void Read_AnyBufferSize_GivesSameRecordsAndLines(int bufferSize)
    {
        using var reader = new Utf8CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(Tricky)), bufferSize);
        reader.DetectDelimiter();
        var records = new List<string[]>();
        var lines = new List<int>();

        while (reader.Read() == CsvReadResult.Record)
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.FieldString)]);
            lines.Add(reader.RecordLine);
        }

        Assert.Equal(Expected, records);
        Assert.Equal([1, 2, 4, 6, 7], lines);
    }

    [Fact]
    public void DetectDelimiter_MoreSemicolonsOutsideQuotes_PicksSemicolon()
    {
        using var reader = new Utf8CsvReader(new MemoryStream("\"a,b,c\";d;e\n"u8.ToArray()));

        reader.DetectDelimiter();

        Assert.Equal((byte)';', reader.Delimiter);
    }

    [Fact]
    public void Read_NulByte_ReportsFileOffset()
    {
        using var reader = new Utf8CsvReader(new MemoryStream([.. "a,b\nc,"u8, 0, .. "\n"u8]), 4);
        reader.DetectDelimiter();
        reader.Read();

        var result = reader.Read();

        Assert.Equal(CsvReadResult.NotText, result);
        Assert.Equal("NUL byte at byte offset 6: this is not a UTF-8 text file", reader.FileProblem);
    }
}
