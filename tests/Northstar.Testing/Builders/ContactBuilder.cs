using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds a <see cref="Contact"/>: by default created on day 1 with nothing else known.</summary>
public sealed class ContactBuilder(string contactId = "c1")
{
    private Contact _fact = new() { ContactId = contactId, CreatedAt = BuilderTime.Start };

    public ContactBuilder CreatedAt(int day, int hour = 0) => Set(_fact with { CreatedAt = BuilderTime.At(day, hour) });

    public ContactBuilder CreatedAt(DateTimeOffset? at) => Set(_fact with { CreatedAt = at });

    public ContactBuilder Account(string? accountId) => Set(_fact with { AccountId = accountId });

    public ContactBuilder Segment(string? segment) => Set(_fact with { Segment = segment });

    public ContactBuilder IcpFit(bool? fit) => Set(_fact with { IcpFit = fit });

    public ContactBuilder Utm(string? source, string? medium = null, string? campaign = null) =>
        Set(_fact with { Source = source, Medium = medium, Campaign = campaign });

    public ContactBuilder Channel(string? channel) => Set(_fact with { Channel = channel });

    public ContactBuilder Owner(string? owner) => Set(_fact with { Owner = owner });

    public ContactBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    /// <summary>Every field set (for round trips).</summary>
    public ContactBuilder Full() => CreatedAt(day: 2, hour: 14).Account("acc1").Segment("enterprise").IcpFit(true)
        .Utm("linkedin", "paid_social", "q1").Channel("paid_social").Owner("ana").Property("title", "CMO");

    public Contact Build() => _fact;

    private ContactBuilder Set(Contact fact)
    {
        _fact = fact;
        return this;
    }
}
