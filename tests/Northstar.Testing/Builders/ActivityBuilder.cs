using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds an <see cref="Activity"/>: by default a sales call on day 1, tied to nobody.</summary>
public sealed class ActivityBuilder(string activityId = "act1")
{
    private Activity _fact = new() { ActivityId = activityId, Timestamp = BuilderTime.Start, Kind = ActivityKind.SalesCall };

    public ActivityBuilder Kind(ActivityKind kind) => Set(_fact with { Kind = kind });

    public ActivityBuilder At(int day, int hour = 0) => Set(_fact with { Timestamp = BuilderTime.At(day, hour) });

    public ActivityBuilder For(string? contactId, string? accountId = null) => Set(_fact with { ContactId = contactId, AccountId = accountId });

    public ActivityBuilder Asset(string? asset) => Set(_fact with { Asset = asset });

    public ActivityBuilder Owner(string? owner) => Set(_fact with { Owner = owner });

    public ActivityBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    public Activity Build() => _fact;

    private ActivityBuilder Set(Activity fact)
    {
        _fact = fact;
        return this;
    }
}
