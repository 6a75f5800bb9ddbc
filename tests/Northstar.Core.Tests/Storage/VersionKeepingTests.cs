using Northstar.Core.Storage;

namespace Northstar.Core.Tests.Storage;

public sealed class VersionKeepingTests
{
    [Fact]
    public void Claim_SameOrOlderVersionAfterANewer_RefusedAndOneEntryAWorkspace()
    {
        var keeping = new VersionKeeping();

        Assert.True(keeping.Claim(1, 5));
        Assert.False(keeping.Claim(1, 5));
        Assert.False(keeping.Claim(1, 4));
        Assert.True(keeping.Claim(1, 6));
        Assert.True(keeping.Claim(2, 1));
        Assert.Equal(2, keeping.Claims);
    }

    [Fact]
    public void Release_TheClaimedVersion_NextClaimOfItSucceeds_AnOlderReleaseChangesNothing()
    {
        var keeping = new VersionKeeping();
        keeping.Claim(1, 7);

        keeping.Release(1, 6);
        Assert.False(keeping.Claim(1, 7));
        keeping.Release(1, 7);
        Assert.True(keeping.Claim(1, 7));
    }

    [Fact]
    public void WaitAll_TwoStarted_WaitsForBothOnceAndCountsThem()
    {
        var keeping = new VersionKeeping();
        var done = 0;
        using var gate = new ManualResetEventSlim();
        keeping.Start(() => { gate.Wait(); Interlocked.Increment(ref done); });
        keeping.Start(() => { gate.Wait(); Interlocked.Increment(ref done); });

        gate.Set();
        var waited = keeping.WaitAll();

        Assert.Equal((2, 2), (waited, done));
        Assert.Equal(0, keeping.WaitAll());
    }
}
