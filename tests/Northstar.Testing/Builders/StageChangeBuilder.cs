using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds a <see cref="StageChange"/>: by default contact c1 becoming a lead on day 1.</summary>
public sealed class StageChangeBuilder(string contactId = "c1")
{
    private StageChange _fact = new() { ContactId = contactId, Stage = Core.Facts.Stage.Lead, EnteredAt = BuilderTime.Start };

    public StageChangeBuilder Stage(Stage stage) => Set(_fact with { Stage = stage });

    public StageChangeBuilder EnteredAt(int day, int hour = 0) => EnteredAt(BuilderTime.At(day, hour));

    public StageChangeBuilder EnteredAt(DateTimeOffset at) => Set(_fact with { EnteredAt = at });

    public StageChangeBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    public StageChange Build() => _fact;

    private StageChangeBuilder Set(StageChange fact)
    {
        _fact = fact;
        return this;
    }
}
