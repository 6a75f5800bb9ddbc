using System.Text.Json;

namespace Northstar.Cli.Tests.Attribution;

/// <summary>The attribution settings through <c>northstar settings</c>, on a demo company of its own (the tests change its settings).</summary>
public sealed class AttributionSettingsTests : IDisposable
{
    private readonly DemoCompanyFixture _demo = new();

    public void Dispose() => _demo.Dispose();

    [Fact]
    public void LookbackSetting_ShorterWindow_MoreUntouchedSameTotal()
    {
        var before = Mqls();
        Ok("settings", "set", "attribution_lookback_days", "7");

        var after = Mqls();

        Assert.True(after.Untouched > before.Untouched, $"7-day look-back: {after.Untouched} untouched, 90-day: {before.Untouched}");
        Assert.Equal(before.Credited + before.Untouched, after.Credited + after.Untouched);
        Assert.Contains("7-day look-back", Ok("attribution", "--conversion", "mql", "--model", "first"), StringComparison.Ordinal);
    }

    [Fact]
    public void TouchTypesSetting_AdClicksOnly_CreditsOnlyAdChannels()
    {
        Ok("settings", "set", "attribution_touch_types", "ad_click");

        var json = JsonDocument.Parse(Ok("attribution", "--conversion", "mql", "--model", "last", "--format", "json")).RootElement;

        var channels = json.GetProperty("credits").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()).ToList();
        Assert.DoesNotContain("organic_search", channels);
        Assert.DoesNotContain("direct", channels);
    }

    [Theory]
    [InlineData("attribution_lookback_days", "0", "1-3660")]
    [InlineData("attribution_touch_types", "session_start,tweet", "unknown event type 'tweet'")]
    [InlineData("attribution_collapse_repeats", "maybe", "true or false")]
    public void SettingsSet_BadAttributionValue_ExitsTwo(string key, string value, string reason)
    {
        var (code, _, stderr) = CliProcess.Run(_demo.Path, "settings", "set", key, value);

        Assert.Equal(2, code);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    private (double Credited, double Untouched) Mqls()
    {
        var credits = JsonDocument.Parse(Ok("attribution", "--conversion", "mql", "--model", "first", "--format", "json")).RootElement.GetProperty("credits");
        return (credits.GetProperty("conversions").GetDouble(), credits.GetProperty("untouched_conversions").GetDouble());
    }

    private string Ok(params string[] args)
    {
        var (code, stdout, stderr) = CliProcess.Run(_demo.Path, args);
        Assert.True(code == 0, $"northstar {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }
}
