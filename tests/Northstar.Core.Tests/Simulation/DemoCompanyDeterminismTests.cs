using System.Globalization;
using CsvHelper;
using Northstar.Core.Export;
using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Core.Simulation;

namespace Northstar.Core.Tests.Simulation;

public sealed class DemoCompanyDeterminismTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "northstar-sim-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Run_SameSeed_WritesIdenticalCsvBytes()
    {
        var options = new SimulationOptions { Seed = 11, Contacts = 300, Years = 1 };

        var first = RunInto("first", options);
        var second = RunInto("second", options);

        foreach (var kind in Enum.GetValues<FactKind>())
        {
            var name = CanonicalLayout.FileName(kind);
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, name)), File.ReadAllBytes(Path.Combine(second, name)));
        }

        Assert.Equal(GroundTruthJson.Serialize(GroundTruthJson.Load(Path.Combine(first, GroundTruthJson.FileName))),
            File.ReadAllText(Path.Combine(second, GroundTruthJson.FileName)));
    }

    [Fact]
    public void Run_DifferentSeed_WritesDifferentEvents()
    {
        var first = RunInto("first", new SimulationOptions { Seed = 11, Contacts = 300, Years = 1 });
        var second = RunInto("second", new SimulationOptions { Seed = 12, Contacts = 300, Years = 1 });

        var name = CanonicalLayout.FileName(FactKind.Events);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, name)), File.ReadAllBytes(Path.Combine(second, name)));
    }

    [Fact]
    public void Run_IntoCsv_EveryFileParsesBackToTheCountedRows()
    {
        var options = new SimulationOptions { Seed = 13, Contacts = 300, Years = 2 };
        var directory = Path.Combine(_root, "parse");
        SimulationResult result;
        using (var sink = new CsvFactSink(directory))
        {
            result = DemoCompany.Run(options, sink);
        }

        foreach (var kind in Enum.GetValues<FactKind>())
        {
            using var reader = new StreamReader(Path.Combine(directory, CanonicalLayout.FileName(kind)));
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            csv.Read();
            csv.ReadHeader();
            Assert.Equal(CanonicalLayout.Columns(kind), csv.HeaderRecord);
            var rows = 0L;
            while (csv.Read())
            {
                Assert.Equal(CanonicalLayout.Columns(kind).Count, csv.Parser.Count);
                rows++;
            }

            Assert.Equal(result.Counts[kind], rows);
            Assert.True(rows > 0, $"{kind} is empty");
        }
    }

    [Theory]
    [InlineData(400)]
    [InlineData(1_500)]
    public void Run_ContactsOption_ScalesTheCompanyToThatSize(int contacts)
    {
        var sink = new CollectingSink(_ => false);

        var result = DemoCompany.Run(new SimulationOptions { Seed = 3, Contacts = contacts, Years = 1 }, sink);

        // Poisson-like count: 4 standard deviations, plus 2% for form fills that fall after the end.
        var tolerance = (4 * Math.Sqrt(contacts)) + (0.02 * contacts);
        Assert.InRange(sink.Contacts.Count, contacts - tolerance, contacts + tolerance);
        Assert.Equal(contacts, result.Truth.ExpectedContacts, precision: 6);
        Assert.True(sink.Completed);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string RunInto(string name, SimulationOptions options)
    {
        var directory = Path.Combine(_root, name);
        using var sink = new CsvFactSink(directory);
        var result = DemoCompany.Run(options, sink);
        GroundTruthJson.Save(result.Truth, directory);
        return directory;
    }
}
