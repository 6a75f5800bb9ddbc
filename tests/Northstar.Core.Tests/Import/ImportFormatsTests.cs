using Northstar.Core.Facts;
using Northstar.Core.Import;

namespace Northstar.Core.Tests.Import;

public sealed class ImportFormatsTests
{
    [Theory]
    [InlineData("events", ImportFormat.Events)]
    [InlineData("event", ImportFormat.Events)]
    [InlineData("Stages", ImportFormat.Stages)]
    [InlineData("activity", ImportFormat.Activities)]
    [InlineData("hubspot-contacts", ImportFormat.HubspotContacts)]
    [InlineData("hubspot_contacts", ImportFormat.HubspotContacts)]
    [InlineData("ad-costs", ImportFormat.AdCosts)]
    public void TryParse_CliWord_ParsesFormat(string word, ImportFormat expected)
    {
        Assert.True(ImportFormats.TryParse(word, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hubspot")]
    [InlineData("3")]
    public void TryParse_UnknownWord_Fails(string word) => Assert.False(ImportFormats.TryParse(word, out _));

    [Fact]
    public void Name_Preset_IsDashed()
    {
        Assert.Equal("hubspot-contacts", ImportFormats.Name(ImportFormat.HubspotContacts));
        Assert.Equal(12, ImportFormats.Names.Count);
    }

    [Fact]
    public void KindsWritten_EachCanonicalFormat_IsItsKind()
    {
        Assert.All(Enum.GetValues<FactKind>(), kind => Assert.Equal([kind], ImportFormats.KindsWritten(ImportFormats.Of(kind))));
        Assert.Equal([FactKind.Contacts, FactKind.Stages], ImportFormats.KindsWritten(ImportFormat.HubspotContacts));
        Assert.Null(ImportFormats.KindOf(ImportFormat.AdCosts));
    }

    [Fact]
    public void ImportError_ToString_NamesFileLineColumnAndReason()
    {
        Assert.Equal("events.csv:14: column 'timestamp': '2025-13-01' is not a date (expected ISO 8601)", new ImportError("events.csv", 14, "timestamp", "'2025-13-01' is not a date (expected ISO 8601)").ToString());
        Assert.Equal("events.csv:3: bad", new ImportError("events.csv", 3, null, "bad").ToString());
        Assert.Equal("events.csv: empty", new ImportError("events.csv", 0, null, "empty").ToString());
    }
}
