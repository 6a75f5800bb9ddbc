namespace Northstar.Storage.Sqlite.Views;

/// <summary>One actor's earliest events seen so far in a session, one per <see cref="Core.Metrics.Views.FirstKind"/>.</summary>
internal sealed class ActorCandidates(bool isContact, string actorId)
{
    public bool IsContact { get; } = isContact;

    public string ActorId { get; } = actorId;

    public FirstCandidate? Touch { get; set; }

    public FirstCandidate? FormSubmit { get; set; }

    public FirstCandidate? AnyEvent { get; set; }
}
