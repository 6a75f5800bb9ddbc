using Northstar.Core.Attribution.Reports;

namespace Northstar.Core.Tests.Attribution.Reports;

public class AttributionModelTests
{
    private static readonly AttributionModel Template = AttributionConfig.Default.Model(AttributionModelKind.First);

    [Theory]
    [InlineData("first", AttributionModelKind.First, "first")]
    [InlineData("Last_Non_Direct", AttributionModelKind.LastNonDirect, "last_non_direct")]
    [InlineData("w_shaped", AttributionModelKind.WShaped, "w_shaped")]
    [InlineData("markov_3", AttributionModelKind.Markov, "markov_3")]
    [InlineData("shapley_ordered", AttributionModelKind.ShapleyOrdered, "shapley_ordered")]
    public void TryParse_KnownName_ReadsKindAndWritesTheSameName(string text, AttributionModelKind kind, string name)
    {
        Assert.True(AttributionModel.TryParse(text, Template, out var model, out _));

        Assert.Equal(kind, model.Kind);
        Assert.Equal(name, model.Name);
    }

    [Fact]
    public void TryParse_MarkovWithTemplateOrder_KeepsTemplateSettings()
    {
        var template = Template with { Order = 2, IncludeNulls = false, CollapseRepeats = false };

        Assert.True(AttributionModel.TryParse("markov", template, out var model, out _));

        Assert.Equal(new Core.Attribution.Markov.MarkovOptions(2, CollapseRepeats: false, IncludeNulls: false), model.Markov);
        Assert.Equal("markov_2", model.Name);
    }

    [Theory]
    [InlineData("markov_4", "Markov order 4 is outside 1-3")]
    [InlineData("markov_0", "Markov order 0 is outside 1-3")]
    [InlineData("lienar", "unknown model 'lienar'")]
    public void TryParse_BadNameOrOrder_FalseWithReason(string text, string reason)
    {
        Assert.False(AttributionModel.TryParse(text, Template, out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
