using System.Text;
using Northstar.Core.Attribution;
using Northstar.Core.Import;
using static Northstar.Core.Tests.Attribution.Heuristics.Journeys;

namespace Northstar.Core.Tests.Attribution;

public class PathTableTests
{
    private static readonly Journey[] Sample =
    [
        Converted(10, T(1, "a"), T(2, "a"), T(3, "b")),
        Open(T(1, "a"), T(2, "a"), T(3, "b")),
        Converted(5, T(1, "a"), T(2, "b")),
        Open(T(4, "c")),
    ];

    [Fact]
    public void Aggregate_KeepRepeats_OneRowPerDistinctPath()
    {
        var paths = PathTable.Aggregate(Sample);

        Assert.Equal(["a > a > b", "a > b", "c"], paths.Select(p => p.ToString()));
        Assert.Equal((1L, 10.0, 1L), Counts(paths[0]));
        Assert.Equal((1L, 5.0, 0L), Counts(paths[1]));
        Assert.Equal((0L, 0.0, 1L), Counts(paths[2]));
    }

    [Fact]
    public void Aggregate_CollapseRepeats_MergesConsecutiveChannels()
    {
        var paths = PathTable.Aggregate(Sample, collapseRepeats: true);

        Assert.Equal(["a > b", "c"], paths.Select(p => p.ToString()));
        Assert.Equal((2L, 15.0, 1L), Counts(paths[0]));
    }

    [Fact]
    public void WriteThenRead_PathsWithAwkwardNamesAndValues_RoundTrip()
    {
        ChannelPath[] paths = [new(["paid, search", "say \"hi\"", "email"], 3, 0.1 + 0.2, 7), new(["direct"], 0, 0, 12)];
        using var text = new StringWriter();

        PathTable.Write(text, paths);
        var read = Read(text.ToString());

        Assert.Empty(read.Errors);
        Assert.Equal(2, read.Paths.Count);
        for (var i = 0; i < paths.Length; i++)
        {
            Assert.Equal(paths[i].Channels, read.Paths[i].Channels);
            Assert.Equal(Counts(paths[i]), Counts(read.Paths[i]));
        }
    }

    [Fact]
    public void Write_Paths_WritesTheHeaderAndOneRowEach()
    {
        using var text = new StringWriter();

        PathTable.Write(text, [new(["a", "b"], 2, 12.5, 1)]);

        Assert.Equal("path,total_conversions,total_conversion_value,total_null\na > b,2,12.5,1\n", text.ToString());
    }

    [Fact]
    public void Read_HeadersInAnyOrderAndSpelling_MatchesColumns()
    {
        var read = Read("Total Null;Path;Total-Conversions;total_conversion_value\n4;x>y ; 2.0;30\n");

        Assert.Empty(read.Errors);
        var path = Assert.Single(read.Paths);
        Assert.Equal(["x", "y"], path.Channels);
        Assert.Equal((2L, 30.0, 4L), Counts(path));
    }

    [Fact]
    public void Read_BadCells_ReportFileLineColumnAndReason()
    {
        var csv = "path,total_conversions,total_conversion_value,total_null\n" +
            "a > b,1,10,0\n" +
            "a,-1,10,0\n" +
            "b,1,abc,0\n" +
            ",1,10,0\n" +
            "a > > b,1,10,0\n" +
            "c,1.5,10,0\n";

        var read = Read(csv);

        Assert.Equal("a > b", Assert.Single(read.Paths).ToString());
        Assert.Equal(
            [
                new ImportError("paths.csv", 3, "total_conversions", "'-1' is negative"),
                new ImportError("paths.csv", 4, "total_conversion_value", "'abc' is not a number"),
                new ImportError("paths.csv", 5, "path", "empty path"),
                new ImportError("paths.csv", 6, "path", "'a > > b' has an empty channel"),
                new ImportError("paths.csv", 7, "total_conversions", "'1.5' is not a whole number"),
            ],
            read.Errors);
    }

    [Fact]
    public void Read_MissingConversionsColumn_ReportsTheColumn()
    {
        var read = Read("path,total_null\na,1\n");

        Assert.Empty(read.Paths);
        Assert.Equal(new ImportError("paths.csv", 1, "total_conversions", "missing column"), Assert.Single(read.Errors));
    }

    [Fact]
    public void Read_OptionalColumnsAbsent_DefaultToZero()
    {
        var read = Read("path,total_conversions\na > b,3\n");

        Assert.Empty(read.Errors);
        Assert.Equal((3L, 0.0, 0L), Counts(Assert.Single(read.Paths)));
    }

    private static PathTableReadResult Read(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return PathTable.Read(stream, "paths.csv");
    }

    private static (long Conversions, double Value, long Nulls) Counts(ChannelPath path) => (path.Conversions, path.Value, path.Nulls);
}
