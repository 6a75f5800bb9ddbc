using Northstar.Core.Diagnostics;
using Northstar.Core.Facts;
using Northstar.Core.Simulation;

namespace Northstar.Core.Tests.Diagnostics;

public class SimulatorBreaksTests
{
    private static readonly DateOnly July = new(2025, 7, 1);

    [Theory]
    [InlineData("mql_to_sql=0.5@2025-07-01", Stage.Sql)]
    [InlineData("lead_to_mql=0.5@2025-07-01", Stage.Mql)]
    [InlineData("session_to_lead=0.5@2025-07-01", Stage.Lead)]
    [InlineData("sql_to_opportunity=0.5@2025-07-01", Stage.Opportunity)]
    [InlineData("opportunity_to_customer=0.5@2025-07-01", Stage.Customer)]
    [InlineData("sqls=0.5@2025-07-01", Stage.Sql)]
    [InlineData("sal=0.5@2025-07-01", Stage.Sal)]
    [InlineData("MQL_to_SAL=0.5@2025-07-01", Stage.Sal)]
    public void TryParseStage_NamedStage_MapsToTheSimulatorStage(string text, Stage stage)
    {
        Assert.True(SimulatorBreaks.TryParseStage(text, out var shock, out var error), error);

        Assert.Equal(new StageShock(July, stage, 0.5), shock);
    }

    [Fact]
    public void TryParseStage_WithChannel_KeepsIt()
    {
        Assert.True(SimulatorBreaks.TryParseStage("mql_to_sql=0.25@2025-07-01:email", out var shock, out _));

        Assert.Equal(new StageShock(July, Stage.Sql, 0.25, "email"), shock);
    }

    [Theory]
    [InlineData("mql_to_sql", "is not a stage break")]
    [InlineData("sql_to_mql=0.5@2025-07-01", "'sql_to_mql' is not a stage")]
    [InlineData("mql_to_sql=-1@2025-07-01", "'-1' is not a multiplier")]
    [InlineData("mql_to_sql=0.5", "needs a multiplier and a start day")]
    [InlineData("mql_to_sql=0.5@2025-07-01..2025-08-01", "is not a start day")]
    [InlineData("mql_to_sql=0.5@2025-07-01:radio", "'radio' is not a demo channel")]
    public void TryParseStage_BadText_SaysWhy(string text, string expected)
    {
        Assert.False(SimulatorBreaks.TryParseStage(text, out var shock, out var error));

        Assert.Null(shock);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseTraffic_RangeAndChannel_BecomesATrafficShock()
    {
        Assert.True(SimulatorBreaks.TryParseTraffic("0.5@2025-07-01..2025-08-01:paid_search", out var shock, out var error), error);

        Assert.Equal(new TrafficShock(July, 0.5, "paid_search", new DateOnly(2025, 8, 1)), shock);
    }

    [Fact]
    public void TryParseTraffic_RangeBackwards_SaysSo()
    {
        Assert.False(SimulatorBreaks.TryParseTraffic("0.5@2025-08-01..2025-07-01", out _, out var error));

        Assert.Equal("The range 2025-08-01..2025-07-01 ends before it starts.", error);
    }
}
