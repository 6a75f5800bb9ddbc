using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Views;

/// <summary>
/// The pieces a store keeps its stage rollup with: the tally of lifecycles (added and taken away)
/// and its sums per dimension, checked against counts worked out by hand.
/// </summary>
public sealed class StageRollupTests
{
    private static readonly DateTimeOffset Day2 = BuilderTime.At(2, 10);
    private static readonly DateTimeOffset Day3 = BuilderTime.At(3, 10);

    [Fact]
    public void Tally_AddTwoTakeOneAway_CountsWhatIsLeft()
    {
        var email = Lifecycle("c1", "email", lead: Day2);
        var emailToo = Lifecycle("c2", "email", lead: Day2);
        var moved = emailToo with { Channel = "direct", Entered = Entered(lead: Day3) };
        var counts = new Dictionary<(ContactMoment Moment, DateOnly Day, ContactDims Dims), long>();

        StageRollup.Tally(counts, [email, emailToo], new LocalDays("UTC"), 1);
        StageRollup.Tally(counts, [emailToo], new LocalDays("UTC"), -1);
        StageRollup.Tally(counts, [moved], new LocalDays("UTC"), 1);

        // Each contact is first known on day 1 (created) and a lead on its day: c1 email day 2, c2 direct day 3.
        var emailDims = new ContactDims("email", null, null, null, null, "smb", null, null);
        var directDims = emailDims with { Channel = "direct" };
        Assert.Equal(2, counts[(ContactMoment.FirstKnown, BuilderTime.Date(1), emailDims)] + counts[(ContactMoment.FirstKnown, BuilderTime.Date(1), directDims)]);
        Assert.Equal(1, counts[(ContactMoment.Lead, BuilderTime.Date(2), emailDims)]);
        Assert.Equal(1, counts[(ContactMoment.Lead, BuilderTime.Date(3), directDims)]);
    }

    [Fact]
    public void SumPerDimension_TwoKeys_TotalAndEveryDimensionByHand()
    {
        var smbEmail = new ContactDims("email", "newsletter", null, null, "/pricing", "smb", null, true);
        var smbDirect = new ContactDims("direct", null, null, null, null, "smb", "ann", null);
        var lead = ContactMoment.Lead;
        var day = BuilderTime.Date(2);
        var counts = new Dictionary<(ContactMoment Moment, DateOnly Day, ContactDims Dims), long>
        {
            [(lead, day, smbEmail)] = 3,
            [(lead, day, smbDirect)] = 2,
            [(ContactMoment.Customer, day, smbDirect)] = 0,
        };

        var sums = StageRollup.SumPerDimension(counts);

        var channel = StageRollup.DimensionNumber(Dimensions.Channel);
        var source = StageRollup.DimensionNumber(Dimensions.Source);
        var segment = StageRollup.DimensionNumber(Dimensions.Segment);
        var owner = StageRollup.DimensionNumber(Dimensions.Owner);
        Assert.Equal(5, sums[(lead, 0, day, string.Empty)]);
        Assert.Equal(3, sums[(lead, channel, day, "email")]);
        Assert.Equal(2, sums[(lead, channel, day, "direct")]);
        Assert.Equal(3, sums[(lead, source, day, "newsletter")]);
        Assert.Equal(2, sums[(lead, source, day, string.Empty)]);
        Assert.Equal(5, sums[(lead, segment, day, "smb")]);
        Assert.Equal(2, sums[(lead, owner, day, "ann")]);
        // Seven dimensions and the total; channel, source, landing page and owner split in two: 1 + 3 + 2*4 keys. The zero key is left out.
        Assert.Equal(1 + 3 + (2 * 4), sums.Count);
        Assert.DoesNotContain(sums.Keys, k => k.Moment == ContactMoment.Customer);
    }

    [Fact]
    public void DimensionNumber_TotalNamesAndUnknown()
    {
        Assert.Equal(0, StageRollup.DimensionNumber(null));
        Assert.Equal(1, StageRollup.DimensionNumber(Dimensions.Channel));
        Assert.Equal(7, StageRollup.DimensionNumber(Dimensions.Owner));
        Assert.Throws<ArgumentException>(() => StageRollup.DimensionNumber(Dimensions.Page));
    }

    private static ContactLifecycle Lifecycle(string id, string channel, DateTimeOffset lead) => new()
    {
        ContactId = id,
        FirstKnownAt = BuilderTime.At(1, 9),
        Channel = channel,
        Segment = "smb",
        Entered = Entered(lead),
    };

    private static DateTimeOffset?[] Entered(DateTimeOffset lead)
    {
        var entered = new DateTimeOffset?[9];
        entered[0] = lead;
        return entered;
    }
}
