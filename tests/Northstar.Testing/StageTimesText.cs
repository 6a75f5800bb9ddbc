using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;

namespace Northstar.Testing;

/// <summary><see cref="StageTimes"/> as sorted lines of text (contact order is not part of their meaning), for comparing two of them.</summary>
public static class StageTimesText
{
    public static List<string> Canonical(StageTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var lines = new List<string>();
        for (var i = 0; i < times.Count; i++)
        {
            var entered = Enum.GetValues<Stage>().Select(s => times.EnteredTicks(s)[i] is var t && t == StageTimes.NotEntered ? "-" : new DateTimeOffset(t, TimeSpan.Zero).ToString("O"));
            lines.Add($"{times.ContactHashes[i]:x16} {string.Join(' ', entered)} | {times.Dims(i)}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
