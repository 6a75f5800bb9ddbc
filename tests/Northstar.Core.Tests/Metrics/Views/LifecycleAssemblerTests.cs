using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Metrics.Views;

public sealed class LifecycleAssemblerTests
{
    [Fact]
    public void Assemble_OnlyCustomerRecorded_FillsLeadToProposalButNotChurned()
    {
        StageChange[] stages = [new StageChangeBuilder("c1").Stage(Stage.Customer).EnteredAt(day: 8).Build()];

        var lifecycle = Assert.Single(LifecycleAssembler.Assemble([], stages, [], [], []));

        Assert.Equal(Enumerable.Repeat<DateTimeOffset?>(BuilderTime.At(8), 8).Append(null), lifecycle.Entered);
    }

    [Fact]
    public void Assemble_LaterStageRecordedEarlier_FillsFromTheEarliestLaterStage()
    {
        // SQL on day 9 but Opportunity on day 6 (out of order in the CRM): SAL is filled with day 6.
        StageChange[] stages =
        [
            new StageChangeBuilder("c1").Stage(Stage.Mql).EnteredAt(day: 2).Build(),
            new StageChangeBuilder("c1").Stage(Stage.Sql).EnteredAt(day: 9).Build(),
            new StageChangeBuilder("c1").Stage(Stage.Opportunity).EnteredAt(day: 6).Build(),
        ];

        var lifecycle = Assert.Single(LifecycleAssembler.Assemble([], stages, [], [], []));

        Assert.Equal(BuilderTime.At(6), lifecycle.EnteredAt(Stage.Sal));
        Assert.Equal(BuilderTime.At(2), lifecycle.EnteredAt(Stage.Lead));
        Assert.Null(lifecycle.EnteredAt(Stage.Proposal));
    }

    [Fact]
    public void Assemble_ContactWithoutSegment_TakesAccountSegment()
    {
        Contact[] contacts = [new ContactBuilder("c1").Account("acc1").Build(), new ContactBuilder("c2").Account("acc1").Segment("smb").Build()];
        Account[] accounts = [new AccountBuilder("acc1").Segment("enterprise").Build()];

        var lifecycles = LifecycleAssembler.Assemble(contacts, [], accounts, [], []);

        Assert.Equal(["enterprise", "smb"], lifecycles.Select(l => l.Segment));
    }

    [Fact]
    public void Assemble_FormSubmitWithoutLandingPage_FallsBackToFirstTouchPage()
    {
        var touch = new Touch(BuilderTime.At(1), "email", "newsletter", "email", null, "/blog");
        var form = new Touch(BuilderTime.At(2), null, null, null, null, null);
        ActorFirst[] firsts =
        [
            new(FirstKind.Touch, false, "a1", "e1", touch),
            new(FirstKind.FormSubmit, true, "c1", "e2", form),
            new(FirstKind.AnyEvent, true, "c1", "e2", form),
        ];

        var lifecycle = Assert.Single(LifecycleAssembler.Assemble([], [], [], [new IdentityLink("a1", "c1", BuilderTime.At(2))], firsts));

        Assert.Equal(("/blog", "email", BuilderTime.At(2)), (lifecycle.LandingPage, lifecycle.Channel, lifecycle.FirstKnownAt));
    }
}
