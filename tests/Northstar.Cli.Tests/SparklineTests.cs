using Northstar.Cli.Output;

namespace Northstar.Cli.Tests;

public class SparklineTests
{
    [Fact]
    public void Render_MinToMax_UsesLowestAndHighestBlocks()
    {
        // 0..70 over 8 blocks: each step of 10 is one block.
        var line = Sparkline.Render([0, 10, 20, 30, 40, 50, 60, 70]);

        Assert.Equal("▁▂▃▄▅▆▇█", line);
    }

    [Fact]
    public void Render_MissingValue_IsASpace()
    {
        var line = Sparkline.Render([5, null, 12]);

        Assert.Equal("▁ █", line);
    }

    [Fact]
    public void Render_MiddleValue_RoundsToNearestBlock()
    {
        // (55 - 10) / (100 - 10) * 7 = 3.5, rounded away from zero to block 4 (▅).
        var line = Sparkline.Render([10, 55, 100]);

        Assert.Equal("▁▅█", line);
    }

    [Fact]
    public void Render_FlatRows_LowForZeroMiddleOtherwise()
    {
        Assert.Equal("▁▁▁", Sparkline.Render([0, 0, 0]));
        Assert.Equal("▅▅", Sparkline.Render([7, 7]));
        Assert.Equal("  ", Sparkline.Render([null, null]));
    }
}
