using Northstar.Core.Facts;

namespace Northstar.Testing.Builders;

/// <summary>Builds an <see cref="Account"/>: by default only its id.</summary>
public sealed class AccountBuilder(string accountId = "acc1")
{
    private Account _fact = new() { AccountId = accountId };

    public AccountBuilder Name(string? name) => Set(_fact with { Name = name });

    public AccountBuilder Segment(string? segment) => Set(_fact with { Segment = segment });

    public AccountBuilder Industry(string? industry) => Set(_fact with { Industry = industry });

    public AccountBuilder CreatedAt(int day) => Set(_fact with { CreatedAt = BuilderTime.At(day) });

    public AccountBuilder Property(string name, string value) => Set(_fact with { Properties = Props.With(_fact.Properties, name, value) });

    /// <summary>Every field set (for round trips).</summary>
    public AccountBuilder Full() => Name("Acme").Segment("mid_market").Industry("software").CreatedAt(day: 4).Property("country", "DE");

    public Account Build() => _fact;

    private AccountBuilder Set(Account fact)
    {
        _fact = fact;
        return this;
    }
}
