using System.Text.Json;

namespace Northstar.Cli.Tests;

public class DemoAssistsTests
{
    [Fact]
    public void Demo_Assists_PrintsTheTrueEffectsItsGroundTruthHolds()
    {
        using var dir = new TempDirectory();

        var (code, stdout, stderr) = CliProcess.Run(dir.Path, "demo", "--assists", "--contacts", "200", "--years", "1", "--format", "json");

        Assert.True(code == 0, stderr);
        using var printed = JsonDocument.Parse(stdout);
        using var truth = JsonDocument.Parse(File.ReadAllText(dir.File("northstar.ground_truth.json")));
        var effects = printed.RootElement.GetProperty("true_channel_effects").EnumerateArray().ToDictionary(e => e.GetProperty("channel").GetString()!);
        var stored = truth.RootElement.GetProperty("assists").GetProperty("effects").EnumerateArray().ToDictionary(e => e.GetProperty("channel").GetString()!);
        Assert.Equal(12, effects.Count);
        Assert.Equal(stored.Keys.Order(StringComparer.Ordinal), effects.Keys.Order(StringComparer.Ordinal));
        foreach (var (channel, effect) in effects)
        {
            Assert.Equal(stored[channel].GetProperty("mqls").GetDouble(), effect.GetProperty("mqls").GetDouble());
            Assert.True(effect.GetProperty("mqls").GetDouble() >= effect.GetProperty("first_touch_mqls").GetDouble() - 1e-9, channel);
        }

        // Paid search is never a return visit (not in the return mix): its whole effect is its first touches.
        // Organic social assists with a 90% qualify chance: it causes MQLs beyond its own first touches.
        Assert.Equal(effects["paid_search"].GetProperty("first_touch_mqls").GetDouble(), effects["paid_search"].GetProperty("mqls").GetDouble(), 9);
        Assert.True(effects["organic_social"].GetProperty("mqls").GetDouble() > effects["organic_social"].GetProperty("first_touch_mqls").GetDouble() + 1);
    }

    [Fact]
    public void Demo_Default_HasNoTrueEffectsOrAssistsTruth()
    {
        using var dir = new TempDirectory();

        var (code, stdout, stderr) = CliProcess.Run(dir.Path, "demo", "--contacts", "100", "--years", "1", "--format", "json");

        Assert.True(code == 0, stderr);
        using var printed = JsonDocument.Parse(stdout);
        using var truth = JsonDocument.Parse(File.ReadAllText(dir.File("northstar.ground_truth.json")));
        Assert.False(printed.RootElement.TryGetProperty("true_channel_effects", out _));
        Assert.False(truth.RootElement.TryGetProperty("assists", out _));
    }
}
