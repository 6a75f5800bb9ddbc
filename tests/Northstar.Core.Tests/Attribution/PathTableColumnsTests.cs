using System.Globalization;
using System.Text;
using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Core.Tests.Attribution;

public class PathTableColumnsTests
{
    [Fact]
    public void From_Paths_NumbersChannelsInOrdinalOrderAndKeepsRows()
    {
        ChannelPath[] paths = [new(["email", "direct", "email"], 2, 30, 1), new(["Direct"], 0, 0, 4)];

        var columns = PathTableColumns.From(paths);

        Assert.Equal(["Direct", "direct", "email"], columns.Channels);
        Assert.Equal([2, 1, 2], columns.Path(0).ToArray());
        Assert.Equal([0], columns.Path(1).ToArray());
        Assert.Equal([2L, 0L], columns.Conversions.ToArray());
        Assert.Equal([30.0, 0.0], columns.Values.ToArray());
        Assert.Equal([1L, 4L], columns.Nulls.ToArray());
        Assert.Equal(3, columns.LongestPath);
    }

    [Fact]
    public void ToPaths_AfterFrom_GivesTheSamePaths()
    {
        ChannelPath[] paths = [new(["b", "a"], 1, 2.5, 0), new(["c"], 0, 0, 3)];

        var back = PathTableColumns.From(paths).ToPaths();

        Assert.Equal(paths.Select(p => (p.ToString(), p.Conversions, p.Value, p.Nulls)), back.Select(p => (p.ToString(), p.Conversions, p.Value, p.Nulls)));
    }

    [Fact]
    public void From_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => PathTableColumns.From([new ChannelPath(["a"], -1, 0, 0)]));
    }

    [Fact]
    public void ReadColumns_UnicodeSpaceAroundNamesAndExponents_ReadAsTheStringParserDoes()
    {
        // NBSP around a name is white space to string.Trim; "1e2" and "+3" leave the plain-decimal path.
        var csv = "path,total_conversions,total_conversion_value,total_null\n\u00A0café\u00A0> b ,1e2,+3,0\n \t a>b,007,0.1,2\n";

        var read = ReadColumns(csv);

        Assert.Empty(read.Errors);
        Assert.Equal(["a", "b", "café"], read.Paths.Channels);
        Assert.Equal([2, 1], read.Paths.Path(0).ToArray());
        Assert.Equal([0, 1], read.Paths.Path(1).ToArray());
        Assert.Equal([100L, 7L], read.Paths.Conversions.ToArray());
        Assert.Equal([3.0, 0.1], read.Paths.Values.ToArray());
    }

    [Fact]
    public void ReadColumns_RowWithAnEmptyChannel_LeavesNoChannelBehind()
    {
        var read = ReadColumns("path,total_conversions\nnew > > a,1\na,2\n");

        Assert.Equal("'new > > a' has an empty channel", Assert.Single(read.Errors).Reason);
        Assert.Equal(["a"], read.Paths.Channels);
        Assert.Equal(1, read.Paths.Count);
    }

    [Fact]
    public void ReadColumns_PlainDecimals_ParseToTheSameDoubleAsDoubleParse()
    {
        // Arrange: values as the writer formats them ("R") and as people type them (2 decimals).
        var random = new Random(3);
        var values = Enumerable.Range(0, 2000).Select(i => i % 2 == 0
            ? (random.NextDouble() * Math.Pow(10, random.Next(0, 12))).ToString("R", CultureInfo.InvariantCulture)
            : Math.Round(random.NextDouble() * 1e6, 2).ToString("F2", CultureInfo.InvariantCulture)).ToList();
        var csv = new StringBuilder("path,total_conversions,total_conversion_value\n");
        values.ForEach(v => csv.Append("a,1,").Append(v).Append('\n'));

        // Act
        var read = ReadColumns(csv.ToString());

        // Assert
        Assert.Empty(read.Errors);
        Assert.Equal(values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)), read.Paths.Values.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void MarkovCompute_ColumnsReadFromTheWrittenTable_SameDigitsAsFromThePathList(int order)
    {
        // Arrange
        var random = new Random(order);
        var paths = Enumerable.Range(0, 400).Select(_ => new ChannelPath(
            [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => "ch" + random.Next(6))], random.Next(0, 3), Math.Round(random.NextDouble() * 900, 2), random.Next(0, 4))).ToList();
        using var text = new StringWriter();
        PathTable.Write(text, paths);

        // Act
        var fromList = MarkovAttribution.Compute(paths, new MarkovOptions(order));
        var fromFile = MarkovAttribution.Compute(ReadColumns(text.ToString()).Paths, new MarkovOptions(order));

        // Assert
        Assert.Equal(fromList.ConversionProbability, fromFile.ConversionProbability);
        Assert.Equal(fromList.RemovalEffects, fromFile.RemovalEffects);
        Assert.Equal(fromList.Credits, fromFile.Credits);
    }

    [Fact]
    public void ModelsOnAHeaderOnlyFile_NoPaths_NoCreditsAndNoErrors()
    {
        var read = ReadColumns("path,total_conversions,total_conversion_value,total_null\n");

        var markov = MarkovAttribution.Compute(read.Paths, new MarkovOptions(2));
        var heuristics = Core.Attribution.Heuristics.HeuristicAttribution.AllByPaths(read.Paths);

        Assert.Empty(read.Errors);
        Assert.Equal(0, read.Paths.Count);
        Assert.Empty(markov.Credits);
        Assert.Equal(0, markov.ConversionProbability);
        Assert.All(heuristics.ByModel.Values, Assert.Empty);
        Assert.Empty(heuristics.Shapley);
    }

    [Fact]
    public void AggregateColumns_Journeys_OneRowPerDistinctPathInOrderOfFirstAppearance()
    {
        Journey[] journeys =
        [
            Heuristics.Journeys.Converted(10, Heuristics.Journeys.T(1, "b"), Heuristics.Journeys.T(2, "b"), Heuristics.Journeys.T(3, "a")),
            Heuristics.Journeys.Open(Heuristics.Journeys.T(1, "c")),
            Heuristics.Journeys.Open(Heuristics.Journeys.T(1, "b"), Heuristics.Journeys.T(2, "b"), Heuristics.Journeys.T(3, "a")),
            Heuristics.Journeys.Converted(5, Heuristics.Journeys.T(1, "b"), Heuristics.Journeys.T(2, "a")),
        ];

        var kept = PathTable.AggregateColumns(journeys);
        var collapsed = PathTable.AggregateColumns(journeys, collapseRepeats: true);

        Assert.Equal(["b > b > a", "c", "b > a"], kept.ToPaths().Select(p => p.ToString()));
        Assert.Equal([1L, 0L, 1L], kept.Conversions.ToArray());
        Assert.Equal([10.0, 0.0, 5.0], kept.Values.ToArray());
        Assert.Equal([1L, 1L, 0L], kept.Nulls.ToArray());
        Assert.Equal(["b > a", "c"], collapsed.ToPaths().Select(p => p.ToString()));
        Assert.Equal([2L, 0L], collapsed.Conversions.ToArray());
        Assert.Equal([15.0, 0.0], collapsed.Values.ToArray());
        Assert.Equal([1L, 1L], collapsed.Nulls.ToArray());
    }

    [Fact]
    public void Aggregate_RandomJourneys_SameRowsAsGroupingByPathText()
    {
        // Arrange: the reference groups by the joined channel names.
        var journeys = Heuristics.ConservationTests.RandomJourneys(seed: 31, count: 5000);
        var reference = journeys
            .GroupBy(j => string.Join(" > ", j.Touches.Select(t => t.Channel)), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (long)g.Count(j => j.Converted), g.Where(j => j.Converted).Sum(j => j.Value), (long)g.Count(j => !j.Converted)))
            .ToList();

        // Act
        var paths = PathTable.Aggregate(journeys);

        // Assert
        Assert.Equal(reference.Count, paths.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            Assert.Equal(reference[i].Key, paths[i].ToString());
            Assert.Equal(reference[i].Item2, paths[i].Conversions);
            Assert.Equal(reference[i].Item3, paths[i].Value, 1e-9 * Math.Max(1, reference[i].Item3));
            Assert.Equal(reference[i].Item4, paths[i].Nulls);
        }
    }

    // Names that are prefixes of others, followed by chars below and above the separator's,
    // and a name holding the separator itself: the row order must still be the text's.
    [Fact]
    public void Aggregate_PrefixNamesAndSeparatorChars_RowsInOrdinalOrderOfTheirText()
    {
        // Arrange
        string[] names = ["a", "a b", "a !", "a\t", "a>", "a > b", "ab", "b", "é", "Z", "a  "];
        var random = new Random(32);
        var journeys = Enumerable.Range(0, 3000).Select(_ => Heuristics.Journeys.Open(
            [.. Enumerable.Range(0, random.Next(1, 5)).Select(i => Heuristics.Journeys.T(1 + i, names[random.Next(names.Length)]))])).ToList();

        // Act
        var paths = PathTable.Aggregate(journeys);

        // Assert
        var texts = paths.Select(p => p.ToString()).ToList();
        Assert.Equal(texts.Order(StringComparer.Ordinal), texts);
        Assert.Equal(journeys.Select(j => string.Join("|", j.Touches.Select(t => t.Channel))).Distinct().Count(), paths.Count);
    }

    private static PathTableColumnsReadResult ReadColumns(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return PathTable.ReadColumns(stream, "paths.csv");
    }
}
