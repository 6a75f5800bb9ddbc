using Northstar.Core.Planning;

namespace Northstar.Core.Tests.Planning;

/// <summary>The worked example: $10M goal, $1.1M per new customer, rates 1.5%, 20%, 20%, 40%, 50%.</summary>
internal static class WorkedExample
{
    public const decimal Goal = 10_000_000m;

    public const decimal DealSize = 1_100_000m;

    public static FunnelRates Rates => FunnelRates.Typed(0.015, 0.20, 0.20, 0.40, 0.50);

    /// <summary>Customers a year, worked out by hand: 10,000,000 / 1,100,000.</summary>
    public const double CustomersAYear = 10_000_000.0 / 1_100_000.0;
}
