using Northstar.Core.Facts;
using Northstar.Core.Import;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Import;

/// <summary>A HubSpot contacts export (column names and date format as HubSpot writes them) into contacts and stage changes.</summary>
public sealed class HubSpotContactsPresetTests : IDisposable
{
    private const string Header = "\"Record ID\",\"First Name\",\"Email\",\"Create Date\",\"Lifecycle Stage\",\"Original Source\",\"Original Source Drill-Down 1\","
        + "\"Original Source Drill-Down 2\",\"Associated Company ID\",\"Contact owner\",\"Became a Subscriber Date\",\"Became a Lead Date\","
        + "\"Became a Marketing Qualified Lead Date\",\"Became a Sales Qualified Lead Date\",\"Became an Opportunity Date\",\"Became a Customer Date\"\n";

    private readonly ImportFixture _fx = new();

    [Fact]
    public void Import_HubSpotExport_WritesContactsAndStageChanges()
    {
        var result = _fx.Import(ImportFormat.HubspotContacts, "hubspot-contacts.csv", Header
            + "\"101\",\"Ana\",\"ana@example.com\",\"2024-03-05 14:22\",\"customer\",\"PAID_SEARCH\",\"spring-brand\",\"brand keywords\",\"9001\",\"Bo Jensen\",\"\",\"2024-03-05 14:22\",\"2024-03-07 09:00\",\"2024-03-12 16:45\",\"2024-03-20 10:00\",\"2024-04-30 17:30\"\n"
            + "\"102\",\"Li\",\"li@example.com\",\"2024-04-01 08:05\",\"Marketing Qualified Lead\",\"Organic search\",\"\",\"google.com\",\"\",\"\",\"2024-03-30 10:00\",\"2024-04-01 08:05\",\"2024-04-03 11:00\",\"\",\"\",\"\"\n"
            + "\"103\",\"Sam\",\"sam@example.com\",\"2024-04-02 12:00\",\"subscriber\",\"OFFLINE\",\"IMPORT\",\"trade-show.csv\",\"\",\"\",\"2024-04-02 12:00\",\"\",\"\",\"\",\"\",\"\"\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(3, result.RowsStored);
        Assert.Equal(
            [
                new Contact
                {
                    ContactId = "101", CreatedAt = Utc(2024, 3, 5, 14, 22), AccountId = "9001", Source = "spring-brand", Campaign = "brand keywords",
                    Channel = "paid_search", Owner = "Bo Jensen",
                    Properties = Bag(("email", "ana@example.com"), ("first_name", "Ana"), ("lifecycle_stage", "customer"), ("original_source", "PAID_SEARCH")),
                },
                new Contact
                {
                    ContactId = "102", CreatedAt = Utc(2024, 4, 1, 8, 5), Campaign = "google.com", Channel = "organic_search",
                    Properties = Bag(("became_a_subscriber_date", "2024-03-30 10:00"), ("email", "li@example.com"), ("first_name", "Li"), ("lifecycle_stage", "Marketing Qualified Lead"), ("original_source", "Organic search")),
                },
                new Contact
                {
                    ContactId = "103", CreatedAt = Utc(2024, 4, 2, 12, 0), Source = "IMPORT", Campaign = "trade-show.csv", Channel = "offline",
                    Properties = Bag(("became_a_subscriber_date", "2024-04-02 12:00"), ("email", "sam@example.com"), ("first_name", "Sam"), ("lifecycle_stage", "subscriber"), ("original_source", "OFFLINE")),
                },
            ],
            _fx.Read<Contact>());
        Assert.Equal(
            [
                Entered("101", Stage.Customer, Utc(2024, 4, 30, 17, 30)),
                Entered("101", Stage.Lead, Utc(2024, 3, 5, 14, 22)),
                Entered("101", Stage.Mql, Utc(2024, 3, 7, 9, 0)),
                Entered("101", Stage.Opportunity, Utc(2024, 3, 20, 10, 0)),
                Entered("101", Stage.Sql, Utc(2024, 3, 12, 16, 45)),
                Entered("102", Stage.Lead, Utc(2024, 4, 1, 8, 5)),
                Entered("102", Stage.Mql, Utc(2024, 4, 3, 11, 0)),
            ],
            _fx.Read<StageChange>());
    }

    [Fact]
    public void Import_HubSpotDatesInWorkspaceZone_AreConvertedToUtc()
    {
        _fx.UseTimeZone("America/New_York");

        _fx.Import(ImportFormat.HubspotContacts, "hs.csv", "Contact ID,Create Date,Became a Lead Date\n7,2024-03-05 14:22,2024-07-01 09:00\n");

        Assert.Equal(Utc(2024, 3, 5, 19, 22), Assert.Single(_fx.Read<Contact>()).CreatedAt);
        Assert.Equal(Utc(2024, 7, 1, 13, 0), Assert.Single(_fx.Read<StageChange>()).EnteredAt);
    }

    [Fact]
    public void Import_HubSpotBadStageDate_RejectsTheWholeRow()
    {
        var result = _fx.Import(ImportFormat.HubspotContacts, "hs.csv", "Record ID,Became a Lead Date\n7,03/05/2024\n");

        Assert.Equal(["hs.csv:2: column 'Became a Lead Date': '03/05/2024' is not a date (expected ISO 8601)"], result.Errors.Select(e => e.ToString()));
        Assert.Empty(_fx.Read<Contact>());
    }

    [Fact]
    public void Import_HubSpotWithoutRecordId_NamesTheColumn()
    {
        var result = _fx.Import(ImportFormat.HubspotContacts, "hs.csv", "Email,Create Date\na@b.c,2024-03-05 14:22\n");

        Assert.Equal(["hs.csv:1: missing required column 'record_id'"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Import_HubSpotInternalPropertyNames_AreUnderstoodToo()
    {
        var result = _fx.Import(ImportFormat.HubspotContacts, "hs.csv", """
            hs_object_id,createdate,hs_analytics_source,hs_lifecyclestage_marketingqualifiedlead_date
            55,2024-03-05 14:22,EMAIL_MARKETING,2024-03-06 08:00

            """);

        Assert.True(result.Succeeded);
        Assert.Equal("email", Assert.Single(_fx.Read<Contact>()).Channel);
        Assert.Equal([Entered("55", Stage.Mql, Utc(2024, 3, 6, 8, 0))], _fx.Read<StageChange>());
    }

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Import_RepeatedRecordIdWithOtherValues_RejectsTheWholeRowIncludingItsStages()
    {
        var result = _fx.Import(ImportFormat.HubspotContacts, "hs.csv",
            "Record ID,Email,Create Date,Became a Lead Date,Became a Customer Date\n"
            + "101,a@x.com,2024-03-05 14:22,2024-03-05 14:22,\n"
            + "101,b@x.com,2024-03-05 14:22,2024-03-05 14:22,2024-04-30 17:30\n",
            new ImportOptions { SkipBadRows = true });

        Assert.True(result.Committed);
        Assert.Equal(1, result.RowsRejected);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
        Assert.Equal("a@x.com", Assert.Single(_fx.Read<Contact>()).Properties.Get("email"));
        Assert.Equal(Stage.Lead, Assert.Single(_fx.Read<StageChange>()).Stage);
    }

    [Fact]
    public void Import_RepeatedIdenticalRow_IsNotAnError()
    {
        const string Row = "101,a@x.com,2024-03-05 14:22,2024-03-05 14:22\n";
        var result = _fx.Import(ImportFormat.HubspotContacts, "hs.csv", "Record ID,Email,Create Date,Became a Lead Date\n" + Row + Row);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Single(_fx.Read<Contact>());
    }


    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static StageChange Entered(string contact, Stage stage, DateTimeOffset at) =>
        new StageChangeBuilder(contact).Stage(stage).EnteredAt(at).Build();

    private static PropertyBag Bag(params (string Name, string Value)[] items) =>
        PropertyBag.From(items.Select(i => KeyValuePair.Create(i.Name, i.Value)));
}
