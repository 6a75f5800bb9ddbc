using Northstar.Core.Channels;

namespace Northstar.Core.Tests.Channels;

public class ChannelCatalogTests
{
    [Fact]
    public void All_DefaultGroup_NineteenChannelsInGa4Order()
    {
        string[] expected =
        [
            "direct", "cross_network", "paid_shopping", "paid_search", "paid_social", "paid_video", "display",
            "paid_other", "organic_shopping", "organic_social", "organic_video", "organic_search", "referral",
            "email", "affiliates", "audio", "sms", "mobile_push_notifications", "unassigned",
        ];

        Assert.Equal(expected, ChannelCatalog.All.Select(c => c.Id));
    }

    [Theory]
    [InlineData("paid_search", "Paid Search")]
    [InlineData("CROSS_NETWORK", "Cross-network")]
    [InlineData("sms", "SMS")]
    [InlineData("mobile_push_notifications", "Mobile Push Notifications")]
    [InlineData("partners", "partners")] // a workspace's own channel keeps its id
    public void DisplayName_Id_IsNamedAsTheUiShowsIt(string id, string expected) =>
        Assert.Equal(expected, ChannelCatalog.DisplayName(id));

    [Fact]
    public void All_EveryId_IsSnakeCase()
    {
        Assert.All(ChannelCatalog.All, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", c.Id));
    }

    [Fact]
    public void Classify_AnyRow_ReturnsACatalogId()
    {
        string?[] values = [null, "", "google", "cpc", "email", "(direct)", "(none)", "shop", "x", "video", "push"];
        var grouping = new ChannelGrouping([]);

        foreach (var source in values)
        {
            foreach (var medium in values)
            {
                Assert.True(ChannelCatalog.IsDefault(grouping.Classify(source, medium, source)), $"{source}/{medium}");
            }
        }
    }
}
