using System.Globalization;
using System.Text.Json;

namespace Northstar.Cli.Tests.Attribution;

/// <summary><c>northstar attribution --paths</c> on a hand-written path table whose answers are worked out below, run as a real process.</summary>
public sealed class AttributionPathsTests : IDisposable
{
    // Six journeys: email > paid_search (2 converted, 300; 1 not), paid_search (1 converted, 100), email (2 not).
    private const string Paths =
        "path,total_conversions,total_conversion_value,total_null\n" +
        "email > paid_search,2,300,1\n" +
        "paid_search,1,100,0\n" +
        "email,0,0,2\n";

    private readonly TempDirectory _dir = new();

    public AttributionPathsTests() => File.WriteAllText(_dir.File("paths.csv"), Paths);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Markov_OrderOne_CreditsTheHandSolvedRemovalEffects()
    {
        // Chain: start -> email 5/6, paid_search 1/6; email -> paid_search 3/5, null 2/5;
        // paid_search -> conversion 3/4, null 1/4. P = 5/6 x 3/5 x 3/4 + 1/6 x 3/4 = 1/2.
        // Without email: 1/6 x 3/4 = 1/8 (effect 3/4); without paid_search: 0 (effect 1).
        // 3 conversions split 3/4 : 1: email 9/7, paid_search 12/7.
        var credits = Credits("--model", "markov");

        Assert.Equal(9.0 / 7, credits["email"], 9);
        Assert.Equal(12.0 / 7, credits["paid_search"], 9);
    }

    [Fact]
    public void Markov_OrderTwo_PathsShorterThanTwoAreOneState()
    {
        // States: (email, paid_search) 3 journeys, 2 convert; (paid_search) 1, converts; (email) 2, none.
        // P = 3/6 x 2/3 + 1/6 = 1/2; without email only (paid_search) is left: 1/6 (effect 2/3);
        // without paid_search: 0 (effect 1). Split 2/3 : 1 of 3: email 1.2, paid_search 1.8.
        var credits = Credits("--model", "markov", "--order", "2");

        Assert.Equal(1.2, credits["email"], 9);
        Assert.Equal(1.8, credits["paid_search"], 9);
    }

    [Fact]
    public void Markov_NoNulls_ChainOfConvertingPathsOnly()
    {
        // start -> email 2/3, paid_search 1/3; email -> paid_search 1; paid_search -> conversion 1.
        // P = 1; without email 1/3 (effect 2/3); without paid_search 0 (effect 1): 1.2 and 1.8.
        var credits = Credits("--model", "markov_1", "--no-nulls");

        Assert.Equal(1.2, credits["email"], 9);
        Assert.Equal(1.8, credits["paid_search"], 9);
    }

    [Fact]
    public void Compare_Csv_EachModelsLinesHoldTheHandWorkedCredits()
    {
        var (code, stdout, stderr) = Run("--compare", "first,last,linear,shapley", "--format", "csv");

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("model,channel,conversions,conversion_share,value,value_share,removal_effect", lines[0]);
        var cells = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[1] is "email" or "paid_search")
            .ToDictionary(c => (c[0], c[1]), c => (double.Parse(c[2], CultureInfo.InvariantCulture), double.Parse(c[4], CultureInfo.InvariantCulture)));
        Assert.Equal((2.0, 300.0), cells[("first", "email")]);
        Assert.Equal((1.0, 100.0), cells[("first", "paid_search")]);
        Assert.Equal((3.0, 400.0), cells[("last", "paid_search")]);
        Assert.False(cells.ContainsKey(("last", "email")));
        // Linear and Shapley: each converted email > paid_search journey splits in halves.
        Assert.Equal((1.0, 150.0), cells[("linear", "email")]);
        Assert.Equal((2.0, 250.0), cells[("shapley", "paid_search")]);
    }

    [Fact]
    public void Table_Compare_ShowsModelsSideBySideWithTheSpread()
    {
        var (code, stdout, stderr) = Run("--compare", "first,last");

        Assert.True(code == 0, stderr);
        Assert.Contains("Models side by side by channel", stdout, StringComparison.Ordinal);
        // email: 2/3 under first, 0 under last.
        Assert.Contains("The models disagree most on email: 0.0% under last, 66.7% under first.", stdout, StringComparison.Ordinal);
        Assert.Contains("66.7 pp", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time_decay")]
    [InlineData("w_shaped")]
    [InlineData("full_path")]
    public void TouchTimeModel_OnPaths_ExitsTwoNamingTheModel(string model)
    {
        var (code, _, stderr) = Run("--model", model);

        Assert.Equal(2, code);
        Assert.Contains($"error: model '{model}' needs touch times", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--model", "lienar" }, "error: --model: unknown model 'lienar'")]
    [InlineData(new[] { "--order", "4" }, "error: --order 4: the Markov order is 1 to 3")]
    [InlineData(new[] { "--compare", "first,markov_5" }, "error: --compare: Markov order 5 is outside 1-3")]
    [InlineData(new[] { "--model", "first", "--compare", "first,last" }, "error: --model and --compare")]
    [InlineData(new[] { "--period", "2025" }, "error: --period applies to the store's journeys")]
    [InlineData(new[] { "--by", "campaign" }, "error: a path table has channels only")]
    public void BadInput_ExitsTwoWithAnErrorLine(string[] args, string error)
    {
        var (code, _, stderr) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains(error, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadPathFile_ExitsTwoNamingLineAndColumn()
    {
        File.WriteAllText(_dir.File("bad.csv"), "path,total_conversions\nemail,2\npaid_search,two\n");

        var (code, _, stderr) = CliProcess.Run(_dir.Path, "attribution", "--paths", "bad.csv");

        Assert.Equal(2, code);
        Assert.Contains("error: bad.csv line 3, column total_conversions: 'two' is not a number.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPathFile_ExitsTwo()
    {
        var (code, _, stderr) = CliProcess.Run(_dir.Path, "attribution", "--paths", "none.csv");

        Assert.Equal(2, code);
        Assert.Contains("error: --paths: no file at 'none.csv'", stderr, StringComparison.Ordinal);
    }

    private Dictionary<string, double> Credits(params string[] args)
    {
        var (code, stdout, stderr) = Run([.. args, "--format", "json"]);
        Assert.True(code == 0, stderr);
        var credits = JsonDocument.Parse(stdout).RootElement.GetProperty("credits");
        Assert.Equal(3, credits.GetProperty("conversions").GetDouble());
        var rows = credits.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(400, rows.Sum(r => r.GetProperty("value").GetDouble()), 9);
        return rows.ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("conversions").GetDouble());
    }

    private (int Code, string Out, string Err) Run(params string[] args) =>
        CliProcess.Run(_dir.Path, ["attribution", "--paths", "paths.csv", .. args]);
}
