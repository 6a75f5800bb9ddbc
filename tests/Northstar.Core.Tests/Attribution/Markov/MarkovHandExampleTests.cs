using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Core.Tests.Attribution.Markov;

public sealed class MarkovHandExampleTests
{
    private const double Tol = 1e-12;

    // Order 1, three channels, with a cycle a <-> b:
    //   a > b       1 conversion (value 100)
    //   a > c       1 null
    //   b           1 conversion (value 50), 1 null
    //   b > a > b   1 conversion (value 30)
    // Weights (conversions + nulls): start->a 2, start->b 3 (of 5).
    // a: ->b 2, ->c 1 (of 3).  b: ->conv 3, ->null 1, ->a 1 (of 5).  c: ->null 1.
    // Transition matrix (rows from, columns a b c conv null):
    //   start: 2/5 3/5 0   0   0
    //   a:     0   2/3 1/3 0   0
    //   b:     1/5 0   0   3/5 1/5
    //   c:     0   0   0   0   1
    // Absorption: x_c = 0, x_a = 2/3 x_b, x_b = 3/5 + 1/5 x_a = 3/5 + 2/15 x_b -> x_b = 9/13, x_a = 6/13;
    // P = 2/5 * 6/13 + 3/5 * 9/13 = 39/65 = 3/5.
    // Remove a: x_b = 3/5, P = 3/5 * 3/5 = 9/25, effect 1 - (9/25)/(3/5) = 2/5.
    // Remove b: nothing reaches conversion, effect 1.  Remove c: c never converts, effect 0.
    // Credits of 3 conversions: a 3 * 0.4/1.4 = 6/7, b 3 * 1/1.4 = 15/7, c 0.
    // Value chain: value collected on b->conv = 180 / 5 = 36 a visit; v_b = 36 + v_a / 5, v_a = 2/3 v_b
    // -> v_b = 540/13, v_a = 360/13, E = 2/5 * 360/13 + 3/5 * 540/13 = 36. Remove a: v_b = 36, E = 21.6,
    // effect 0.4; value 180 split a 360/7, b 900/7.
    private static readonly ChannelPath[] OrderOnePaths =
    [
        new(["a", "b"], 1, 100, 0),
        new(["a", "c"], 0, 0, 1),
        new(["b"], 1, 50, 1),
        new(["b", "a", "b"], 1, 30, 0),
    ];

    [Fact]
    public void Compute_OrderOneHandExample_MatchesHandSolution()
    {
        // Act
        var result = MarkovAttribution.Compute(OrderOnePaths);

        // Assert
        Assert.Equal(3.0 / 5, result.ConversionProbability, Tol);
        Assert.Equal(36.0, result.ExpectedValue, Tol);
        Assert.Equal(3, result.StateCount);
        Assert.Equal(["a", "b", "c"], result.RemovalEffects.Select(e => e.Channel));
        AssertEffects(result, [0.4, 1, 0], [0.4, 1, 0]);
        AssertCredits(result, [6.0 / 7, 15.0 / 7, 0], [360.0 / 7, 900.0 / 7, 0]);
    }

    // Without non-converting paths the chain reads only converting journeys:
    //   start->a 1, start->b 2 (of 3).  a: ->b 2 (of 2).  b: ->conv 3, ->a 1 (of 4).  c is no state.
    // x_a = x_b, x_b = 3/4 + x_a / 4 -> x_b = 1, P = 1.  Remove a: x_b = 3/4, P = 2/3 * 3/4 = 1/2, effect 1/2.
    // Remove b: effect 1.  Credits of 3: a 3 * 0.5/1.5 = 1, b 2.
    // Value: 180 / 4 = 45 a visit of b; v_b = 45 + v_a / 4 = 60, E = 60; without a, v_b = 45, E = 30,
    // effect 1/2: value a 60, b 120.
    [Fact]
    public void Compute_WithoutNulls_IgnoresNonConvertingJourneys()
    {
        // Act
        var result = MarkovAttribution.Compute(OrderOnePaths, new MarkovOptions(IncludeNulls: false));

        // Assert
        Assert.Equal(1.0, result.ConversionProbability, Tol);
        Assert.Equal(60.0, result.ExpectedValue, Tol);
        Assert.Equal(2, result.StateCount);
        AssertEffects(result, [0.5, 1, 0], [0.5, 1, 0]);
        AssertCredits(result, [1, 2, 0], [60, 120, 0]);
    }

    // Order 2:
    //   a > b > c   1 conversion (value 10)    windows (a,b) -> (b,c)
    //   a > c       1 null                      window (a,c)
    //   b           1 conversion (value 20)    shorter than 2: one state (b)
    //   a > b       1 null                      window (a,b)
    // start: (a,b) 2/4, (a,c) 1/4, (b) 1/4.  (a,b): ->(b,c) 1/2, ->null 1/2.  (b,c): ->conv 1.
    // (a,c): ->null 1.  (b): ->conv 1.
    // x_(b,c) = 1, x_(a,b) = 1/2, x_(a,c) = 0, x_(b) = 1: P = 2/4 * 1/2 + 1/4 * 1 = 1/2.
    // Value: v_(b,c) = 10, v_(a,b) = 5, v_(b) = 20: E = 2/4 * 5 + 1/4 * 20 = 7.5.
    // Remove a ((a,b), (a,c) null): P = 1/4, effect 1/2; E = 5, effect 1/3.
    // Remove b ((a,b), (b,c), (b)): P = 0, effect 1; value effect 1.
    // Remove c ((b,c), (a,c)): x_(a,b) = 0, P = 1/4, effect 1/2; E = 5, effect 1/3.
    // Conversions 2 split 1:2:1 -> a 0.5, b 1, c 0.5; value 30 split 1/3 : 1 : 1/3 -> a 6, b 18, c 6.
    [Fact]
    public void Compute_OrderTwoHandExample_MatchesHandSolution()
    {
        // Arrange
        ChannelPath[] paths =
        [
            new(["a", "b", "c"], 1, 10, 0),
            new(["a", "c"], 0, 0, 1),
            new(["b"], 1, 20, 0),
            new(["a", "b"], 0, 0, 1),
        ];

        // Act
        var result = MarkovAttribution.Compute(paths, new MarkovOptions(Order: 2));

        // Assert
        Assert.Equal(0.5, result.ConversionProbability, Tol);
        Assert.Equal(7.5, result.ExpectedValue, Tol);
        Assert.Equal(4, result.StateCount);
        AssertEffects(result, [0.5, 1, 0.5], [1.0 / 3, 1, 1.0 / 3]);
        AssertCredits(result, [0.5, 1, 0.5], [6, 18, 6]);
    }

    internal static void AssertEffects(MarkovResult result, double[] conversion, double[] value)
    {
        Assert.Equal(conversion, result.RemovalEffects.Select(e => e.Conversion), (x, y) => Math.Abs(x - y) < Tol);
        Assert.Equal(value, result.RemovalEffects.Select(e => e.Value), (x, y) => Math.Abs(x - y) < Tol);
    }

    internal static void AssertCredits(MarkovResult result, double[] conversions, double[] value)
    {
        Assert.Equal(conversions, result.Credits.Select(c => c.Conversions), (x, y) => Math.Abs(x - y) < Tol);
        Assert.Equal(value, result.Credits.Select(c => c.Value), (x, y) => Math.Abs(x - y) < 1e-10);
    }
}
