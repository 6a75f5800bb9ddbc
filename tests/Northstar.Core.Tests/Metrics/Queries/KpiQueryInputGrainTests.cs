using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Queries;

namespace Northstar.Core.Tests.Metrics.Queries;

/// <summary>The grain text the API's kpis route and the dashboard's explorer read.</summary>
public class KpiQueryInputGrainTests
{
    [Theory]
    [InlineData("total", Grain.Total)]
    [InlineData("day", Grain.Day)]
    [InlineData("Week", Grain.Week)]
    [InlineData("MONTH", Grain.Month)]
    [InlineData("quarter", Grain.Quarter)]
    [InlineData("year", Grain.Year)]
    public void ReadGrain_NameInAnyCase_IsThatGrain(string text, Grain expected)
    {
        Assert.Equal(expected, KpiQueryInput.ReadGrain(text));
    }

    [Fact]
    public void ReadGrain_Null_IsMonth()
    {
        Assert.Equal(Grain.Month, KpiQueryInput.ReadGrain(null));
    }

    [Theory]
    [InlineData("fortnight")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("3")]
    public void ReadGrain_UnknownNameOrNumber_IsNull(string text)
    {
        // Enum.TryParse alone would read "1" as the grain numbered 1 (day).
        Assert.Null(KpiQueryInput.ReadGrain(text));
    }
}
