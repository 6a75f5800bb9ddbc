using System.Text.Json;

namespace Northstar.Cli.Tests;

public class KpiDefineTests
{
    [Fact]
    public void Define_ValidFormula_SavesAListedQueryableKpi()
    {
        using var company = new KpiFixture();

        var (code, _, stderr) = CliProcess.Run(
            company.Path, "kpi", "define", "spend_per_customer", "--formula", "spend / customers", "--name", "Spend per customer", "--unit", "money", "--direction", "down");

        Assert.True(code == 0, stderr);
        var list = JsonDocument.Parse(CliProcess.Run(company.Path, "kpi", "list", "--format", "json").Out).RootElement;
        var saved = list.EnumerateArray().Single(k => k.GetProperty("id").GetString() == "spend_per_customer");
        Assert.True(saved.GetProperty("is_custom").GetBoolean());
        var run = CliProcess.Run(company.Path, "kpi", "spend_per_customer", "--period", "2025-Q3", "--format", "json");
        Assert.Equal((1000 + 500 + 700) / 2.0, JsonDocument.Parse(run.Out).RootElement.GetProperty("rows")[0].GetProperty("total").GetDouble());
    }

    [Fact]
    public void Undefine_SavedKpi_RemovesIt()
    {
        using var company = new KpiFixture();
        Assert.Equal(0, CliProcess.Run(company.Path, "kpi", "define", "x_leads", "--formula", "leads", "--name", "X", "--unit", "count", "--direction", "up").ExitCode);

        var (code, _, stderr) = CliProcess.Run(company.Path, "kpi", "undefine", "x_leads");

        Assert.True(code == 0, stderr);
        Assert.Equal(2, CliProcess.Run(company.Path, "kpi", "x_leads", "--period", "2025-Q3").ExitCode);
    }

    [Theory]
    [InlineData("cac", "spend / customers", "money", "built-in KPI")]
    [InlineData("Spend-Per", "spend / customers", "money", "not a valid KPI id")]
    [InlineData("list", "spend / customers", "money", "not a valid KPI id")]
    [InlineData("per_lead", "spend / leads", "count", "declared as count")]
    public void Define_BadKpi_ExitsWithTwoAndReason(string id, string formula, string unit, string expected)
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "spend", Spend(dir)).ExitCode);

        var (code, _, stderr) = CliProcess.Run(dir.Path, "kpi", "define", id, "--formula", formula, "--name", "N", "--unit", unit, "--direction", "up");

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Define_UnknownMeasure_PrintsCaretsUnderIt()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "spend", Spend(dir)).ExitCode);

        var (code, _, stderr) = CliProcess.Run(dir.Path, "kpi", "define", "x", "--formula", "spend / leadz", "--name", "N", "--unit", "money", "--direction", "down");

        Assert.Equal(2, code);
        var lines = stderr.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.IndexOf("spend / leadz");
        Assert.True(at >= 0, stderr);
        Assert.StartsWith("        ^^^^^ ", lines[at + 1], StringComparison.Ordinal); // "leadz" starts at index 8
    }

    [Fact]
    public void Define_SyntaxError_PrintsCaretAndReason()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliProcess.Run(dir.Path, "import", "spend", Spend(dir)).ExitCode);

        var (code, _, stderr) = CliProcess.Run(dir.Path, "kpi", "define", "x", "--formula", "spend / (leads", "--name", "N", "--unit", "money", "--direction", "down");

        Assert.Equal(2, code);
        Assert.Contains("spend / (leads", stderr, StringComparison.Ordinal);
        Assert.Contains("^", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefine_BuiltInKpi_ExitsWithTwo()
    {
        using var company = new KpiFixture();

        var (code, _, stderr) = CliProcess.Run(company.Path, "kpi", "undefine", "cac");

        Assert.Equal(2, code);
        Assert.Contains("built-in KPI", stderr, StringComparison.Ordinal);
    }

    private static string Spend(TempDirectory dir)
    {
        File.WriteAllText(dir.File("spend.csv"), "date,channel,campaign,kind,amount\n2025-07-15,paid_search,brand,media,1000\n");
        return "spend.csv";
    }
}
