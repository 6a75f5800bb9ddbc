namespace Northstar.Core.Attribution.Markov;

/// <summary>
/// The absorbing chain of a path table: transient states (channel windows) with their
/// transitions between windows (sparse rows), the probability of moving to conversion, the
/// expected value carried into conversion, and where journeys start. Null is what is left.
/// </summary>
internal sealed class MarkovChain
{
    public required string[] Channels { get; init; }

    public required int Order { get; init; }

    /// <summary>Window keys by state id (digits in base channels + 1, each id + 1).</summary>
    public required long[] Keys { get; init; }

    /// <summary>State s's transitions are Target/Probability[RowStart[s]..RowStart[s + 1]].</summary>
    public required int[] RowStart { get; init; }

    public required int[] Target { get; init; }

    public required double[] Probability { get; init; }

    /// <summary>Probability of moving from the state to conversion.</summary>
    public required double[] ConversionRate { get; init; }

    /// <summary>Expected conversion value collected on the move from the state (value / outgoing weight).</summary>
    public required double[] ValueRate { get; init; }

    /// <summary>Probability that a journey starts in the state.</summary>
    public required double[] StartProbability { get; init; }

    public int StateCount => Keys.Length;

    /// <summary>True when the state's window contains the channel.</summary>
    public bool Contains(int state, int channel)
    {
        var b = Channels.Length + 1;
        for (var key = Keys[state]; key > 0; key /= b)
        {
            if (key % b == channel + 1)
            {
                return true;
            }
        }

        return false;
    }
}
