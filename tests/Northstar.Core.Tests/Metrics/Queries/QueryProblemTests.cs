using Northstar.Core.Metrics.Queries;

namespace Northstar.Core.Tests.Metrics.Queries;

/// <summary>The caret the CLI prints and the explorer shows under a bad period.</summary>
public class QueryProblemTests
{
    [Fact]
    public void Pointer_FaultAtPosition6_CaretUnderTheSeventhCharacter()
    {
        var problem = new QueryProblem("period", "no quarter 5", "2025-Q5", 6);

        // Two spaces of indent on both lines, then six more before the caret.
        Assert.Equal("  2025-Q5\n        ^", problem.Pointer());
    }

    [Fact]
    public void Pointer_PositionPastTheEnd_CaretJustAfterTheText()
    {
        var problem = new QueryProblem("period", "expected more", "2025-", 40);

        Assert.Equal("  2025-\n       ^", problem.Pointer());
    }

    [Fact]
    public void Pointer_NoPosition_IsNull()
    {
        Assert.Null(new QueryProblem("by", "unknown dimension 'x'").Pointer());
    }
}
