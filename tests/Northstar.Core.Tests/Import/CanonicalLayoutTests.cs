using Northstar.Core.Facts;
using Northstar.Core.Import;

namespace Northstar.Core.Tests.Import;

public class CanonicalLayoutTests
{
    public static TheoryData<FactKind> Kinds => [.. Enum.GetValues<FactKind>()];

    [Theory]
    [InlineData("Contact ID")]
    [InlineData("contact-id")]
    [InlineData(" Contact_Id ")]
    [InlineData("CONTACT_ID")]
    [InlineData("contact_id")]
    public void NormalizeHeader_SpellingsOfContactId_AreContactId(string header) =>
        Assert.Equal("contact_id", CanonicalLayout.NormalizeHeader(header));

    [Theory]
    [InlineData("Landing Page", "landing_page")]
    [InlineData("anonymous-id", "anonymous_id")]
    [InlineData("Amount", "amount")]
    [InlineData("", "")]
    public void NormalizeHeader_OtherHeaders_SnakeCase(string header, string expected) =>
        Assert.Equal(expected, CanonicalLayout.NormalizeHeader(header));

    [Fact]
    public void NormalizeHeader_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CanonicalLayout.NormalizeHeader(null!));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Columns_EveryKind_HasDistinctNormalizedColumns(FactKind kind)
    {
        var columns = CanonicalLayout.Columns(kind);

        Assert.NotEmpty(columns);
        Assert.Equal(columns.Count, columns.Distinct(StringComparer.Ordinal).Count());
        Assert.All(columns, c => Assert.Equal(CanonicalLayout.NormalizeHeader(c), c));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void KeyColumns_EveryKind_AreAmongItsColumns(FactKind kind)
    {
        var keys = CanonicalLayout.KeyColumns(kind);

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains(k, CanonicalLayout.Columns(kind)));
    }

    [Theory]
    [InlineData(FactKind.Events, "events.csv")]
    [InlineData(FactKind.Spend, "spend.csv")]
    [InlineData(FactKind.Activities, "activities.csv")]
    public void FileName_Kind_LowerCaseCsv(FactKind kind, string expected) =>
        Assert.Equal(expected, CanonicalLayout.FileName(kind));

    [Fact]
    public void Columns_EventsAndContacts_CarryTheChannelInputs()
    {
        // The importer fills "channel" from source / medium / campaign (and the event's referrer).
        Assert.Superset(new HashSet<string> { "source", "medium", "campaign", "channel", "referrer" }, new HashSet<string>(CanonicalLayout.Columns(FactKind.Events)));
        Assert.Superset(new HashSet<string> { "source", "medium", "campaign", "channel" }, new HashSet<string>(CanonicalLayout.Columns(FactKind.Contacts)));
    }
}
