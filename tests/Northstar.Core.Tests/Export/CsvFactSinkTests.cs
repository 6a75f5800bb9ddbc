using System.Globalization;
using CsvHelper;
using Northstar.Core.Export;
using Northstar.Core.Facts;
using Northstar.Core.Import;

namespace Northstar.Core.Tests.Export;

public sealed class CsvFactSinkTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "northstar-csv-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Complete_NoFacts_WritesEveryKindWithItsCanonicalHeader()
    {
        using (var sink = new CsvFactSink(_directory))
        {
            sink.Complete();
        }

        foreach (var kind in Enum.GetValues<FactKind>())
        {
            var text = File.ReadAllText(Path.Combine(_directory, CanonicalLayout.FileName(kind)));
            Assert.Equal(string.Join(",", CanonicalLayout.Columns(kind)) + "\n", text);
        }
    }

    [Fact]
    public void Add_AwkwardValues_QuotesThemPerRfc4180()
    {
        using (var sink = new CsvFactSink(_directory))
        {
            sink.Add(new Account { AccountId = "a1", Name = "Smith, Jones & Co", Segment = "smb" });
            sink.Add(new Account { AccountId = "a2", Name = "The \"Best\" Labs" });
            sink.Add(new Account { AccountId = "a3", Name = "two\nlines", Industry = "Zürich" });
            sink.Complete();
        }

        var text = File.ReadAllText(Path.Combine(_directory, "accounts.csv"));
        Assert.Equal(
            "account_id,name,segment,industry,created_at\n" +
            "a1,\"Smith, Jones & Co\",smb,,\n" +
            "a2,\"The \"\"Best\"\" Labs\",,,\n" +
            "a3,\"two\nlines\",,Zürich,\n",
            text);
        var names = ReadRows("accounts.csv").Select(r => r["name"]).ToList();
        Assert.Equal(["Smith, Jones & Co", "The \"Best\" Labs", "two\nlines"], names);
    }

    [Fact]
    public void Add_EventWithEveryField_WritesEachUnderItsCanonicalColumn()
    {
        var at = new DateTimeOffset(2025, 3, 9, 14, 5, 7, TimeSpan.FromHours(2));
        using (var sink = new CsvFactSink(_directory))
        {
            sink.Add(new EventFact
            {
                Id = "e1", Timestamp = at, Type = EventType.FormSubmit, AnonymousId = "anon", ContactId = "c9", SessionId = "s3",
                Source = "google", Medium = "cpc", Campaign = "brand", Channel = "paid_search", LandingPage = "/lp",
                Page = "/lp/form", Referrer = "https://x.test/?a=1,b=2", Cta = "book", Form = "demo", Field = "email",
                Variant = "B", Asset = "deck", Value = 1234.5m,
            });
            sink.Complete();
        }

        var row = Assert.Single(ReadRows("events.csv"));
        string[] expected = ["e1", "2025-03-09T12:05:07Z", "form_submit", "anon", "c9", "s3", "google", "cpc", "brand", "paid_search",
            "/lp", "/lp/form", "https://x.test/?a=1,b=2", "book", "demo", "email", "B", "deck", "1234.5"];
        Assert.Equal(expected, CanonicalLayout.Columns(FactKind.Events).Select(c => row[c]));
    }

    [Fact]
    public void Add_NumbersDatesAndEnums_WritesInvariantIsoSnakeCase()
    {
        using (var sink = new CsvFactSink(_directory))
        {
            sink.Add(new Deal
            {
                DealId = "d1", CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 250, TimeSpan.Zero), Status = DealStatus.Won,
                Amount = 9000.10m, ListAmount = 10000m, Type = DealType.Expansion, Source = DealSource.Partner,
            });
            sink.Add(new Spend { Date = new DateOnly(2025, 12, 31), Channel = "paid_social", Kind = SpendKind.Media, Amount = 0.5m, Clicks = 3 });
            sink.Add(new SeriesPoint { Date = new DateOnly(2025, 1, 1), Metric = "mentions", Dimension = "brand=x;sentiment=positive", Value = 2.25 });
            sink.Add(new Subscription { SubscriptionId = "s1", StartedAt = DateTimeOffset.UnixEpoch, Mrr = 100m, Renewed = false });
            sink.Complete();
        }

        Assert.Equal("d1,,,2025-01-02T03:04:05.25Z,,won,9000.10,10000,expansion,partner", Lines("deals.csv")[1]);
        Assert.Equal("2025-12-31,paid_social,,media,0.5,,3", Lines("spend.csv")[1]);
        Assert.Equal("2025-01-01,mentions,brand=x;sentiment=positive,2.25", Lines("series.csv")[1]);
        Assert.Equal("s1,,1970-01-01T00:00:00Z,,100,,false", Lines("subscriptions.csv")[1]);
    }

    [Fact]
    public void Dispose_WithoutComplete_LeavesNoFiles()
    {
        using (var sink = new CsvFactSink(_directory))
        {
            sink.Add(new Account { AccountId = "a1" });
        }

        Assert.Empty(Directory.EnumerateFiles(_directory));
    }

    [Fact]
    public void Add_FactWithExtraProperties_IsRejected()
    {
        using var sink = new CsvFactSink(_directory);
        var account = new Account { AccountId = "a1", Properties = PropertyBag.From([KeyValuePair.Create("tier", "gold")]) };

        Assert.Throws<ArgumentException>(() => sink.Add(account));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string[] Lines(string file) => File.ReadAllText(Path.Combine(_directory, file)).Split('\n');

    /// <summary>Reads a file back with CsvHelper, an independent RFC 4180 reader.</summary>
    private List<Dictionary<string, string>> ReadRows(string file)
    {
        using var reader = new StreamReader(Path.Combine(_directory, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        return rows;
    }
}
