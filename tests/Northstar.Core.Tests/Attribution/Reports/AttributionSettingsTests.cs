using Northstar.Core.Attribution.Reports;
using Northstar.Core.Facts;
using Northstar.Testing;

namespace Northstar.Core.Tests.Attribution.Reports;

public class AttributionSettingsTests
{
    [Fact]
    public void Load_NothingSet_Defaults()
    {
        using var store = new InMemoryFactStore();
        var workspace = store.GetOrCreateWorkspace("w");

        var config = AttributionSettings.Load(store, workspace);

        Assert.Equal((90, 7.0, true), (config.LookbackDays, config.HalfLifeDays, config.CollapseRepeats));
        Assert.Contains(EventType.SessionStart, config.TouchTypes);
    }

    [Fact]
    public void Load_EverySettingSet_ReadsThem()
    {
        using var store = new InMemoryFactStore();
        var workspace = store.GetOrCreateWorkspace("w");
        store.SetSetting(workspace, AttributionSettings.LookbackDays, "30");
        store.SetSetting(workspace, AttributionSettings.TouchTypes, "session_start, ad_click");
        store.SetSetting(workspace, AttributionSettings.HalfLifeDays, "3.5");
        store.SetSetting(workspace, AttributionSettings.CollapseRepeats, "false");

        var config = AttributionSettings.Load(store, workspace);

        Assert.Equal((30, 3.5, false), (config.LookbackDays, config.HalfLifeDays, config.CollapseRepeats));
        Assert.Equal([EventType.SessionStart, EventType.AdClick], config.TouchTypes.Order());
        Assert.Equal("ad_click,session_start", AttributionSettings.Describe(config)[AttributionSettings.TouchTypes]);
    }

    [Fact]
    public void Load_StoredValueInvalid_DefaultApplies()
    {
        using var store = new InMemoryFactStore();
        var workspace = store.GetOrCreateWorkspace("w");
        store.SetSetting(workspace, AttributionSettings.LookbackDays, "-4");

        Assert.Equal(90, AttributionSettings.Load(store, workspace).LookbackDays);
    }

    [Theory]
    [InlineData(AttributionSettings.LookbackDays, "0", "1-3660")]
    [InlineData(AttributionSettings.TouchTypes, "session_start,tweet", "unknown event type 'tweet'")]
    [InlineData(AttributionSettings.TouchTypes, " , ", "at least one event type")]
    [InlineData(AttributionSettings.HalfLifeDays, "0", "positive number of days")]
    [InlineData(AttributionSettings.CollapseRepeats, "yes", "true or false")]
    [InlineData("attribution_window", "3", "unknown setting")]
    public void Validate_BadValue_SaysWhy(string key, string value, string reason)
    {
        Assert.Contains(reason, AttributionSettings.Validate(key, value), StringComparison.Ordinal);
    }
}
