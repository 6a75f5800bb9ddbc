using System.Text.Json;
using Northstar.Cli.Output;
using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Reports;
using Northstar.Testing.Builders;

namespace Northstar.Cli.Tests.Attribution;

/// <summary>How the economics output shows a channel with customers but no acquisition spend: the same in table, CSV and JSON.</summary>
public sealed class AttributionEconomicsOutputTests
{
    // First touch. Customers: paid_search 1, direct 2. Won revenue: paid_search 900, direct 600.
    // Spend: paid_search 300 media; nothing for direct.
    private static readonly EconomicsTable Table = EconomicsReport.Compute(
        Credits(Customer("paid_search", 0), Customer("direct", 0), Customer("direct", 0)),
        Credits(Customer("paid_search", 900), Customer("direct", 600)),
        [new SpendBuilder("paid_search").On(1).Amount(300m).Build()],
        null);

    [Fact]
    public void Compute_DirectWithoutSpend_NoCacNoRoasNoRoi()
    {
        // paid_search: CAC 300 / 1, ROAS 900 / 300, ROI (900 - 300) / 300.
        Assert.Equal(new EconomicsRow("paid_search", 300m, 300m, 1, 900, 300m, 3.0, 2.0), Table.Rows[0]);
        Assert.Equal(new EconomicsRow("direct", 0m, 0m, 2, 600, null, null, null), Table.Rows[1]);
    }

    [Fact]
    public void Table_DirectWithoutSpend_DashesAndSaysWhyInTheLines()
    {
        var section = Assert.Single(AttributionReportSections.Economics(Scope, Table));

        var direct = section.Rows.Single(r => r[0] == "direct");
        Assert.Equal(["-", "-", "-"], direct.Skip(5));
        Assert.Contains(section.Lines, l => l.StartsWith("No acquisition spend recorded for direct: CAC and ROI are '-', not 0.", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_DirectWithoutSpend_EmptyRatioCells()
    {
        using var writer = new StringWriter();

        AttributionCsv.Economics(writer, Table);

        var direct = writer.ToString().Split('\n').Select(l => l.Split(',')).Single(c => c.Length > 1 && c[1] == "direct");
        Assert.Equal(["first", "direct", "0", "0", "2", "600", "", "", ""], direct);
    }

    [Fact]
    public void Json_DirectWithoutSpend_NullRatios()
    {
        using var writer = new StringWriter();

        Json.Write(writer, Table);

        var direct = JsonDocument.Parse(writer.ToString()).RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("channel").GetString() == "direct");
        Assert.All(new[] { "cac", "roas", "roi" }, name => Assert.Equal(JsonValueKind.Null, direct.GetProperty(name).ValueKind));
        Assert.Equal(2, direct.GetProperty("customers").GetDouble());
    }

    private static AttributionScope Scope => new("store", "customer and won", null, 90);

    private static Journey Customer(string channel, double value) => new("c", [new Touch(BuilderTime.At(1), channel)], BuilderTime.At(2), value);

    private static CreditTable Credits(params Journey[] journeys) =>
        CreditReport.Compute(AttributionInput.FromJourneys(journeys), AttributionConfig.Default.Model(AttributionModelKind.First));
}
