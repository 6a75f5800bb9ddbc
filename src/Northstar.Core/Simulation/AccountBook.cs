using Northstar.Core.Facts;

namespace Northstar.Core.Simulation;

/// <summary>
/// Gives contacts their accounts: mostly a new company, sometimes a colleague at one of the
/// recently created accounts. Keeps only the last <see cref="Capacity"/> accounts, so memory stays flat.
/// </summary>
internal sealed class AccountBook(Xoshiro rng, FactWriter writer)
{
    public const int Capacity = 256;
    private const double NewAccountRate = 0.8;
    private static readonly string[] Prefixes = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Soylent", "Vandelay"];
    private static readonly string[] Suffixes = ["Labs", "Systems", "GmbH", "Inc.", "Group", "& Co", "Analytics", "Cloud"];
    private readonly (string Id, SegmentProfile Segment, string Industry)[] _recent = new (string, SegmentProfile, string)[Capacity];
    private readonly double[] _segmentShares = [.. CompanyModel.Segments.Select(s => s.Share)];
    private int _count;

    /// <summary>The account of a new contact; writes the account when it is new.</summary>
    public (string Id, SegmentProfile Segment, string Industry) Assign(DateTimeOffset at)
    {
        if (_count > 0 && !rng.Chance(NewAccountRate))
        {
            return _recent[rng.Next(Math.Min(_count, Capacity))];
        }

        var account = (Id: writer.NextAccount(), Segment: CompanyModel.Segments[rng.Weighted(_segmentShares)],
            Industry: rng.Pick(CompanyModel.Industries));
        _recent[_count % Capacity] = account;
        _count++;
        writer.Add(new Account
        {
            AccountId = account.Id, Name = Name(), Segment = account.Segment.Id, Industry = account.Industry, CreatedAt = at,
        }, FactKind.Accounts);
        return account;
    }

    private string Name()
    {
        // A few awkward names keep CSV quoting honest downstream.
        var roll = rng.NextDouble();
        return roll switch
        {
            < 0.03 => $"{rng.Pick(Prefixes)}, {rng.Pick(Prefixes)} & Partners",
            < 0.05 => $"\"{rng.Pick(Prefixes)}\" {rng.Pick(Suffixes)}",
            _ => $"{rng.Pick(Prefixes)} {rng.Pick(Suffixes)} {rng.Between(1, 999)}",
        };
    }
}
