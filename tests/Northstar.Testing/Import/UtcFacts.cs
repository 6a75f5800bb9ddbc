using Northstar.Core.Facts;

namespace Northstar.Testing.Import;

/// <summary>Facts with every timestamp converted to UTC, as every store keeps them.</summary>
internal static class UtcFacts
{
    public static IFact Normalize(IFact fact) => fact switch
    {
        EventFact e => e with { Timestamp = e.Timestamp.ToUniversalTime() },
        Contact c => c with { CreatedAt = c.CreatedAt?.ToUniversalTime() },
        StageChange s => s with { EnteredAt = s.EnteredAt.ToUniversalTime() },
        Account a => a with { CreatedAt = a.CreatedAt?.ToUniversalTime() },
        Deal d => d with { CreatedAt = d.CreatedAt.ToUniversalTime(), ClosedAt = d.ClosedAt?.ToUniversalTime() },
        Subscription s => s with
        {
            StartedAt = s.StartedAt.ToUniversalTime(),
            EndedAt = s.EndedAt?.ToUniversalTime(),
            RenewalDueAt = s.RenewalDueAt?.ToUniversalTime(),
        },
        SurveyAnswer s => s with { AnsweredAt = s.AnsweredAt.ToUniversalTime() },
        Activity a => a with { Timestamp = a.Timestamp.ToUniversalTime() },
        _ => fact,
    };
}
